class C(B):
    def m(self):
        with open("f") as fp:
            return super().m(fp)
