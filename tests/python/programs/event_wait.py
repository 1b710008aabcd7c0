# The waiter's first wait times out; the second one ends when MainProcess sets the event.
import multiprocessing


def waiter(ready, gave_up):
    print("first wait:", ready.wait(timeout=0.2))
    gave_up.set()
    print("second wait:", ready.wait())


if __name__ == "__main__":
    ready = multiprocessing.Event()
    gave_up = multiprocessing.Event()
    w = multiprocessing.Process(target=waiter, args=(ready, gave_up))
    w.start()
    gave_up.wait()
    ready.set()
    w.join()
    ready.clear()
    print("flag after clear:", ready.is_set())
