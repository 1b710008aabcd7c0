# MainProcess ends without joining: its daemonic child is terminated, the other one joined.
import multiprocessing
import time


def linger(running):
    running.set()
    time.sleep(30)


def finish_later():
    time.sleep(0.3)
    print("finisher done")


if __name__ == "__main__":
    running = multiprocessing.Event()
    keeper = multiprocessing.Process(target=linger, args=(running,), daemon=True)
    finisher = multiprocessing.Process(target=finish_later)
    keeper.start()
    finisher.start()
    running.wait()  # terminated while it runs, not before it could start
    print("main done")
