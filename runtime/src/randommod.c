/*
 * randommod.c - the `_random` module: the Mersenne Twister MT19937 core that lib/random.py
 * builds on, plus the SHA-512 digest that random.seed() needs for str/bytes seeds.
 *
 * The generator state lives in a bytearray owned by the Python Random object: 625 native
 * uint32 words, the 624 words of MT state followed by the index of the next word.  Functions
 * (all positional; lib/random.py validates the arguments users pass):
 *   new_state()                  a fresh, unseeded state (bytearray)
 *   seed_key(st, key)            init_by_array over the little-endian 32-bit words of bytes key
 *                                (the absolute value of an int seed; b"" is the key [0])
 *   seed_urandom(st)             init_by_array over 624 words from /dev/urandom (time fallback)
 *   random(st)                   a float in [0, 1) from 53 bits: (a >> 5, b >> 6)
 *   getrandbits(st, k)           an int of k random bits, 32-bit words low word first
 *   getstate(st) / setstate(st, t)   the 625-int tuple of CPython's getstate
 *   sha512(data)                 the 64-byte digest of bytes data
 * The algorithms are the published ones (Matsumoto and Nishimura's mt19937ar.c seeding and
 * tempering; FIPS 180-4 for SHA-512), so seeded sequences match CPython's.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "rt.h"
#include "core.h"
#include "rt_builtins.h"
#include "rt_containers.h"
#include "rt_func.h"
#include "rt_mods.h"
#include "rt_str.h"

#define MT_N 624
#define MT_M 397
#define STATE_BYTES ((MT_N + 1) * 4)

/* ---- the generator ---- */

static uint32_t *state_of(Value v)
{
    if (rt_typeof(v) != &rt_bytearray_type) {
        rt_raise_str(rt_TypeError, "_random: the state must be a bytearray");
        return NULL;
    }
    ByteArrayObject *b = (ByteArrayObject *)rt_obj(v);
    if (b->size != STATE_BYTES) {
        rt_raise_str(rt_ValueError, "_random: bad state size");
        return NULL;
    }
    return (uint32_t *)(void *)b->data;
}

static void init_genrand(uint32_t *mt, uint32_t s)
{
    mt[0] = s;
    for (uint32_t i = 1; i < MT_N; i++)
        mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + i;
    mt[MT_N] = MT_N;
}

static void init_by_array(uint32_t *mt, const uint32_t *key, size_t len)
{
    init_genrand(mt, 19650218u);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > len ? MT_N : len; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= len)
            j = 0;
    }
    for (size_t k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u;
    mt[MT_N] = MT_N;
}

static uint32_t genrand(uint32_t *mt)
{
    static const uint32_t mag01[2] = {0u, 0x9908b0dfu};
    uint32_t y;
    if (mt[MT_N] >= MT_N) {
        int kk;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
            mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 1u];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
            mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1u];
        }
        y = (mt[MT_N - 1] & 0x80000000u) | (mt[0] & 0x7fffffffu);
        mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1u];
        mt[MT_N] = 0;
    }
    y = mt[mt[MT_N]++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

static int check_nargs(const char *name, size_t nargs, size_t want, Value kwnames)
{
    if ((kwnames && rt_tuple_size(kwnames)) || nargs != want) {
        rt_raise_fmt(rt_TypeError, "_random.%s() takes exactly %zu positional arguments",
                     name, want);
        return -1;
    }
    return 0;
}

static Value rnd_new_state(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    (void)args;
    if (check_nargs("new_state", nargs, 0, kwnames) < 0)
        return RT_ERR;
    char zero[STATE_BYTES];
    memset(zero, 0, sizeof zero);
    Value z = rt_bytearray_from(zero, sizeof zero);
    if (!z)
        return RT_ERR;
    uint32_t *mt = state_of(z);
    init_genrand(mt, 5489u);
    return z;
}

static Value rnd_seed_key(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (check_nargs("seed_key", nargs, 2, kwnames) < 0)
        return RT_ERR;
    uint32_t *mt = state_of(args[0]);
    if (!mt)
        return RT_ERR;
    if (rt_typeof(args[1]) != &rt_bytes_type)
        return rt_raise_str(rt_TypeError, "_random.seed_key: the key must be bytes");
    BytesObject *k = (BytesObject *)rt_obj(args[1]);
    size_t words = ((size_t)k->size + 3) / 4;
    if (words == 0)
        words = 1;
    uint32_t *key = rt_alloc_atomic(words * 4);
    if (!key)
        return RT_ERR;
    memset(key, 0, words * 4);
    for (int64_t i = 0; i < k->size; i++)
        key[i / 4] |= (uint32_t)(unsigned char)k->data[i] << (8 * (i % 4));
    init_by_array(mt, key, words);
    return rt_None;
}

static Value rnd_seed_urandom(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (check_nargs("seed_urandom", nargs, 1, kwnames) < 0)
        return RT_ERR;
    uint32_t *mt = state_of(args[0]);
    if (!mt)
        return RT_ERR;
    uint32_t key[MT_N];
    size_t got = 0;
    FILE *f = fopen("/dev/urandom", "rb");
    if (f) {
        got = fread(key, 4, MT_N, f);
        fclose(f);
    }
    if (got != MT_N) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        key[0] = (uint32_t)ts.tv_sec;
        key[1] = (uint32_t)ts.tv_nsec;
        key[2] = (uint32_t)getpid();
        got = 3;
    }
    init_by_array(mt, key, got);
    return rt_None;
}

static Value rnd_random(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (check_nargs("random", nargs, 1, kwnames) < 0)
        return RT_ERR;
    uint32_t *mt = state_of(args[0]);
    if (!mt)
        return RT_ERR;
    uint32_t a = genrand(mt) >> 5, b = genrand(mt) >> 6;
    return rt_float((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static Value rnd_getrandbits(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (check_nargs("getrandbits", nargs, 2, kwnames) < 0)
        return RT_ERR;
    uint32_t *mt = state_of(args[0]);
    if (!mt)
        return RT_ERR;
    int64_t k;
    if (!rt_is_int(args[1]))
        return rt_raise_fmt(rt_TypeError, "'%s' object cannot be interpreted as an integer",
                            rt_type_name(args[1]));
    if (rt_int_as_i64(args[1], &k) < 0)
        return RT_ERR;
    if (k < 0)
        return rt_raise_str(rt_ValueError, "number of bits must be non-negative");
    if (k == 0)
        return rt_small(0);
    if (k <= 32)
        return rt_small((int64_t)(genrand(mt) >> (32 - k)));
    size_t words = (size_t)((k - 1) / 32 + 1);
    unsigned char *buf = rt_alloc_atomic(words * 4);
    if (!buf)
        return RT_ERR;
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t r = genrand(mt);
        if (k < 32)
            r >>= 32 - k;
        buf[4 * i] = (unsigned char)r;
        buf[4 * i + 1] = (unsigned char)(r >> 8);
        buf[4 * i + 2] = (unsigned char)(r >> 16);
        buf[4 * i + 3] = (unsigned char)(r >> 24);
    }
    return rt_int_from_bytes_buf(buf, words * 4, 1, 0);
}

static Value rnd_getstate(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (check_nargs("getstate", nargs, 1, kwnames) < 0)
        return RT_ERR;
    uint32_t *mt = state_of(args[0]);
    if (!mt)
        return RT_ERR;
    Value t = rt_tuple_new(MT_N + 1);
    if (!t)
        return RT_ERR;
    for (int i = 0; i <= MT_N; i++)
        ((TupleObject *)rt_obj(t))->items[i] = rt_small((int64_t)mt[i]);
    return t;
}

static Value rnd_setstate(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (check_nargs("setstate", nargs, 2, kwnames) < 0)
        return RT_ERR;
    uint32_t *mt = state_of(args[0]);
    if (!mt)
        return RT_ERR;
    Value t = args[1];
    if (rt_typeof(t) != &rt_tuple_type)
        return rt_raise_str(rt_TypeError, "state vector must be a tuple");
    TupleObject *to = (TupleObject *)rt_obj(t);
    if (to->size != MT_N + 1)
        return rt_raise_str(rt_ValueError, "state vector is the wrong size");
    uint32_t tmp[MT_N + 1];
    for (int i = 0; i <= MT_N; i++) {
        int64_t w;
        if (!rt_is_int(to->items[i]))
            return rt_raise_fmt(rt_TypeError, "'%s' object cannot be interpreted as an integer",
                                rt_type_name(to->items[i]));
        if (rt_int_as_i64(to->items[i], &w) < 0)
            return RT_ERR;
        if (i == MT_N) {
            if (w < 0 || w > MT_N)
                return rt_raise_str(rt_ValueError, "invalid state");
        } else if (w < 0 || w > 0xffffffffLL) {
            return rt_raise_str(rt_OverflowError,
                                "Python int too large to convert to C unsigned long");
        }
        tmp[i] = (uint32_t)w;
    }
    memcpy(mt, tmp, sizeof tmp);
    return rt_None;
}

/* ---- SHA-512 (FIPS 180-4) ---- */

static const uint64_t sha_k[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

static uint64_t rotr(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

static void sha512_block(uint64_t h[8], const unsigned char *p)
{
    uint64_t w[80];
    for (int t = 0; t < 16; t++) {
        uint64_t v = 0;
        for (int i = 0; i < 8; i++)
            v = (v << 8) | p[8 * t + i];
        w[t] = v;
    }
    for (int t = 16; t < 80; t++) {
        uint64_t s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
        uint64_t s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 80; t++) {
        uint64_t t1 = hh + (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)) + ((e & f) ^ (~e & g)) +
                      sha_k[t] + w[t];
        uint64_t t2 = (rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
}

static void sha512(const unsigned char *data, size_t len, unsigned char out[64])
{
    uint64_t h[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                     0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                     0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
    size_t i = 0;
    for (; i + 128 <= len; i += 128)
        sha512_block(h, data + i);
    unsigned char tail[256];
    size_t rest = len - i;
    memset(tail, 0, sizeof tail);
    memcpy(tail, data + i, rest);
    tail[rest] = 0x80;
    size_t tlen = rest + 1 + 16 <= 128 ? 128 : 256;
    uint64_t bits = (uint64_t)len * 8;   /* the high 64 bits of the length stay 0 */
    for (int k = 0; k < 8; k++)
        tail[tlen - 1 - k] = (unsigned char)(bits >> (8 * k));
    sha512_block(h, tail);
    if (tlen == 256)
        sha512_block(h, tail + 128);
    for (int k = 0; k < 8; k++)
        for (int b = 0; b < 8; b++)
            out[8 * k + b] = (unsigned char)(h[k] >> (56 - 8 * b));
}

static Value rnd_sha512(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (check_nargs("sha512", nargs, 1, kwnames) < 0)
        return RT_ERR;
    const char *p;
    int64_t n;
    if (rt_typeof(args[0]) == &rt_bytes_type) {
        p = ((BytesObject *)rt_obj(args[0]))->data;
        n = ((BytesObject *)rt_obj(args[0]))->size;
    } else if (rt_typeof(args[0]) == &rt_bytearray_type) {
        p = ((ByteArrayObject *)rt_obj(args[0]))->data;
        n = ((ByteArrayObject *)rt_obj(args[0]))->size;
    } else {
        return rt_raise_str(rt_TypeError, "_random.sha512: bytes expected");
    }
    unsigned char out[64];
    sha512((const unsigned char *)p, (size_t)n, out);
    return rt_bytes_from((const char *)out, 64);
}

static const struct { const char *name; VectorCallFn fn; } random_functions[] = {
    {"new_state", rnd_new_state},
    {"seed_key", rnd_seed_key},
    {"seed_urandom", rnd_seed_urandom},
    {"random", rnd_random},
    {"getrandbits", rnd_getrandbits},
    {"getstate", rnd_getstate},
    {"setstate", rnd_setstate},
    {"sha512", rnd_sha512},
};

Value rt_random_module_create(void)
{
    Value m = rt_module_new("_random", 0);
    if (!m)
        return RT_ERR;
    Value d = ((ModuleObject *)rt_obj(m))->dict;
    Value modname = rt_str_from_cstr("_random");
    if (!modname)
        return RT_ERR;
    for (size_t i = 0; i < sizeof random_functions / sizeof random_functions[0]; i++) {
        Value f = rt_builtin_new(random_functions[i].name, random_functions[i].fn, 0, modname);
        if (!f || rt_dict_set(d, rt_str_intern(random_functions[i].name), f) < 0)
            return RT_ERR;
    }
    return m;
}
