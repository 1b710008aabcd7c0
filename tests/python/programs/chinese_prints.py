# A worker with a Chinese name prints two Chinese lines; the parent says when it waits.
# mpviz must carry them as UTF-8 from the print to the trace, the log and the images.
import multiprocessing


def work():
    print("工人进程开始")
    print("工人进程结束")


if __name__ == "__main__":
    worker = multiprocessing.Process(target=work, name="工人")
    worker.start()
    print("主进程等待工人")
    worker.join()
