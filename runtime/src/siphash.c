/*
 * siphash.c - SipHash-1-3 with a per-process key: the hash of str and bytes.
 *
 * Entry points: rts_siphash13(), rts_hash_bytes() (str_internal.h), rt_hash_seed_init() (rt_str.h).
 *
 * SipHash (Aumasson and Bernstein, 2012) with 1 compression and 3 finalisation rounds, the
 * variant CPython 3.11 uses for str and bytes.  The key is what makes hash flooding impractical:
 * it comes from getrandom() once per process, unless PYTHONHASHSEED says otherwise:
 *   - PYTHONHASHSEED=0 disables randomisation (an all-zero key);
 *   - PYTHONHASHSEED=N (1..4294967295) derives the key from N with the linear congruential
 *     generator x = x*214013 + 2531011, one byte ((x >> 16) & 0xff) per step, as CPython does;
 *   - unset, empty or "random": random.
 * With a fixed seed, hash() of an ASCII str or of any bytes equals CPython's, because both hash
 * the same bytes with the same key.  (CPython hashes non-ASCII str in its internal UCS-1/2/4
 * form, we hash UTF-8; values are only promised to be consistent within one process anyway.)
 *
 * Invariant: the key is set before the first hash; rt_hash_seed_init() is idempotent and is
 * called lazily by the first hash if the program's start-up did not call it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "str_internal.h"

static uint64_t k0, k1;
static int key_ready;

static void key_from_bytes(const unsigned char *b)
{
    uint64_t a = 0, c = 0;
    for (int i = 7; i >= 0; i--) {   /* little-endian, whatever the host */
        a = (a << 8) | b[i];
        c = (c << 8) | b[8 + i];
    }
    k0 = a;
    k1 = c;
}

void rt_hash_seed_init(void)
{
    if (key_ready) return;
    unsigned char key[16];
    const char *env = getenv("PYTHONHASHSEED");
    char *end = NULL;
    unsigned long long seed = 0;
    int fixed = 0;
    if (env && *env && strcmp(env, "random") != 0) {
        seed = strtoull(env, &end, 10);
        fixed = *end == 0 && seed <= 4294967295ULL;
    }
    if (fixed && seed == 0) {
        memset(key, 0, sizeof key);
    } else if (fixed) {
        uint32_t x = (uint32_t)seed;
        for (size_t i = 0; i < sizeof key; i++) {
            x = x * 214013u + 2531011u;
            key[i] = (unsigned char)((x >> 16) & 0xff);
        }
    } else {
        size_t got = 0;
        while (got < sizeof key) {
            ssize_t r = getrandom(key + got, sizeof key - got, 0);
            if (r <= 0) break;
            got += (size_t)r;
        }
        if (got < sizeof key) {
            /* no entropy source: weak, but never a fixed key */
            uint64_t t = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32) ^ (uint64_t)(uintptr_t)&got;
            for (size_t i = 0; i < sizeof key; i++) {
                t = t * 6364136223846793005ULL + 1442695040888963407ULL;
                key[i] = (unsigned char)(t >> 56);
            }
        }
    }
    key_from_bytes(key);
    key_ready = 1;
}

static inline uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

#define SIPROUND                                                                             \
    do {                                                                                     \
        v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);                            \
        v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;                                               \
        v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;                                               \
        v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);                            \
    } while (0)

uint64_t rts_siphash13(const void *src, size_t n)
{
    if (!key_ready) rt_hash_seed_init();
    const unsigned char *p = src;
    /* the constants are "somepseudorandomlygeneratedbytes" in ASCII, from the paper */
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    size_t blocks = n / 8;
    for (size_t i = 0; i < blocks; i++, p += 8) {
        uint64_t m = 0;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        memcpy(&m, p, 8);
#else
        for (int j = 7; j >= 0; j--) m = (m << 8) | p[j];
#endif
        v3 ^= m;
        SIPROUND;
        v0 ^= m;
    }
    /* the last block: the remaining bytes, little-endian, and the length in the top byte */
    uint64_t b = (uint64_t)n << 56;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    {
        /* 4, 2 and 1 byte loads for the 0..7 bytes left, never past the end */
        size_t r = n & 7, off = 0;
        if (r & 4) {
            uint32_t x;
            memcpy(&x, p, 4);
            b |= x;
            off = 4;
        }
        if (r & 2) {
            uint16_t x;
            memcpy(&x, p + off, 2);
            b |= (uint64_t)x << (8 * off);
            off += 2;
        }
        if (r & 1) b |= (uint64_t)p[off] << (8 * off);
    }
#else
    for (size_t j = 0; j < (n & 7); j++) b |= (uint64_t)p[j] << (8 * j);
#endif
    v3 ^= b;
    SIPROUND;
    v0 ^= b;
    v2 ^= 0xff;
    SIPROUND;
    SIPROUND;
    SIPROUND;
    return v0 ^ v1 ^ v2 ^ v3;
}

/* Python's hash of a byte string: 0 for empty, and never -1 (the error marker). */
int64_t rts_hash_bytes(const void *src, size_t n)
{
    if (n == 0) return 0;
    int64_t h = (int64_t)rts_siphash13(src, n);
    return h == -1 ? -2 : h;
}
