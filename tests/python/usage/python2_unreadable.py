# Python 2 that even lib2to3 cannot read: the last line steps back to no block it opened.
import os


def report():
    print "pid", os.getpid()
  print "done"
