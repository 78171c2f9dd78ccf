# __exit__ missing (one-line with statement, marked up to its end but not the comment);
# __enter__ is not called
class OnlyEnter:
    def __enter__(self):
        print("enter called")
        return self

with OnlyEnter() as cm: print(cm)  # the statement's range
