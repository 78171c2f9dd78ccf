# a failing assert with a message, in a method of a class
class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        assert amount <= self.balance, f"insufficient: {self.balance} < {amount}"
        self.balance -= amount
acct = Account(10)
acct.withdraw(3)
acct.withdraw(30)
