# os.fork() without multiprocessing: the child is a process of its own.
import os
import time

if __name__ == "__main__":
    pid = os.fork()
    if pid == 0:
        print("child says hi")
        time.sleep(0.1)
        os._exit(7)
    _, status = os.waitpid(pid, 0)
    print("child ended with", os.waitstatus_to_exitcode(status))
