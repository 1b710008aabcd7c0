# join(timeout) gives up on a sleeper, which is then terminated; another child exits with 3.
import multiprocessing
import sys
import time


def nap():
    time.sleep(5)


def quit_with_three():
    sys.exit(3)


if __name__ == "__main__":
    sleeper = multiprocessing.Process(target=nap)
    quitter = multiprocessing.Process(target=quit_with_three)
    sleeper.start()
    quitter.start()
    sleeper.join(timeout=0.2)
    print("still alive after 0.2 s:", sleeper.is_alive())
    sleeper.terminate()
    sleeper.join()
    quitter.join()
    print("exit codes:", sleeper.exitcode, quitter.exitcode)
