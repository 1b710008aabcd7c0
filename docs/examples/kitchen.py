# A small kitchen, in the style of the multiprocessing tutorials: three cooks share one
# counter (a Lock) and two ovens (a Semaphore), put finished plates on a pass (a Queue of
# three), and a waiter serves them. Then a Pool of two prices the plates.
# Open it with `mpviz docs/examples/kitchen.py`.
import multiprocessing
import time


def cook(name, dishes, counter, ovens, plates):
    for dish in dishes:
        with counter:
            print(name, 'prepares', dish)
            time.sleep(0.2)
        with ovens:
            time.sleep(0.5)
        plates.put(dish)
    print(name, 'is done')


def waiter(plates, count):
    for _ in range(count):
        dish = plates.get()
        print('serving', dish)
        time.sleep(0.3)


def price(dish):
    return len(dish) * 2


if __name__ == '__main__':
    counter = multiprocessing.Lock()
    ovens = multiprocessing.Semaphore(2)
    plates = multiprocessing.Queue(3)
    menu = {'Ana': ['soup', 'bread'], 'Bo': ['pie', 'tart'], 'Cy': ['stew', 'salad']}
    cooks = [multiprocessing.Process(target=cook, name=name,
                                     args=(name, dishes, counter, ovens, plates))
             for name, dishes in menu.items()]
    serving = multiprocessing.Process(target=waiter, name='waiter', args=(plates, 6))
    for p in cooks + [serving]:
        p.start()
    for p in cooks + [serving]:
        p.join()
    with multiprocessing.Pool(2) as pool:
        bill = pool.map(price, [d for dishes in menu.values() for d in dishes])
    print('the bill:', sum(bill))
