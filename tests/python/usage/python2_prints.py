# Python 2: a print statement and xrange, as old tutorials have them.
import multiprocessing


def count(n):
    for k in xrange(n):
        print "counted", k


if __name__ == "__main__":
    worker = multiprocessing.Process(target=count, args=(2,))
    worker.start()
    worker.join()
