# The loops the shim benchmark times (python_shim_bench.cpp): run with and without mpviz's
# shim by the same interpreter; prints "OPERATION WALL_NS CPU_NS" per operation: wall-clock
# time, and the CPU time of the whole process (the shim's flusher thread included), which
# a loaded machine does not inflate.
import multiprocessing
import sys
import time


def timed(loop, n):
    wall, cpu = time.perf_counter_ns(), time.process_time_ns()
    loop(n)
    return (time.perf_counter_ns() - wall) / n, (time.process_time_ns() - cpu) / n


def lock_loop(n):
    lock = multiprocessing.Lock()
    for _ in range(n):
        lock.acquire()
        lock.release()


def queue_loop(n):
    queue = multiprocessing.Queue()
    for i in range(n):
        queue.put(i)
        queue.get()


if __name__ == '__main__':
    which, n = sys.argv[1], int(sys.argv[2])
    loop = {'lock': lock_loop, 'queue': queue_loop}[which]
    loop(n // 10)  # warm up: first-use declarations, the feeder thread
    time.sleep(0.05)  # the flusher has sent the warm-up's events
    print('%s %.1f %.1f' % ((which,) + timed(loop, n)))
