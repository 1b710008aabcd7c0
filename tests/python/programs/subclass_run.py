# A Process subclass overrides run(); its name is set by the program.
import multiprocessing


class Greeter(multiprocessing.Process):
    def __init__(self, greeting):
        super().__init__(name="greeter-" + greeting)
        self.greeting = greeting

    def run(self):
        print(self.greeting, "from", multiprocessing.current_process().name)


if __name__ == "__main__":
    greeters = [Greeter("hello"), Greeter("salut")]
    for g in greeters:
        g.start()
    for g in greeters:
        g.join()
