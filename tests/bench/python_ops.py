# The loops the shim benchmark times (python_shim_bench.cpp): run with and without mpviz's
# shim by the same interpreter; prints "OPERATION NS_PER_OPERATION" per loop.
import multiprocessing
import sys
import time


def lock_loop(n):
    lock = multiprocessing.Lock()
    start = time.perf_counter_ns()
    for _ in range(n):
        lock.acquire()
        lock.release()
    return (time.perf_counter_ns() - start) / n


def queue_loop(n):
    queue = multiprocessing.Queue()
    start = time.perf_counter_ns()
    for i in range(n):
        queue.put(i)
        queue.get()
    return (time.perf_counter_ns() - start) / n


if __name__ == '__main__':
    which, n = sys.argv[1], int(sys.argv[2])
    loop = {'lock': lock_loop, 'queue': queue_loop}[which]
    loop(n // 10)  # warm up: first-use declarations, the feeder thread
    print('%s %.1f' % (which, loop(n)))
