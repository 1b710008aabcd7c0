# Four workers print three lines each, one worker at a time.
import multiprocessing


def report(lock, number):
    for line in range(3):
        with lock:
            print("worker", number, "line", line)


if __name__ == "__main__":
    lock = multiprocessing.Lock()
    workers = [multiprocessing.Process(target=report, args=(lock, n)) for n in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
