#pragma once
// Help ▸ Keyboard shortcuts (a table made from the window's own menus, so it never goes
// stale) and Help ▸ User guide (docs/user-guide.md, built into the program with its images).

#include <QDialog>

class QMenuBar;
class QTableWidget;
class QTextBrowser;

namespace mpviz::gui {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
  public:
    // Every action with a shortcut in `menus`, by menu, as the person sees it right now.
    explicit ShortcutsDialog(const QMenuBar* menus, QWidget* parent = nullptr);
    QTableWidget* table() const { return table_; }

  private:
    QTableWidget* table_;
};

class UserGuideDialog : public QDialog {
    Q_OBJECT
  public:
    explicit UserGuideDialog(QWidget* parent = nullptr);
    QTextBrowser* browser() const { return browser_; }

  private:
    void fitImages(int width);

    QTextBrowser* browser_;
};

} // namespace mpviz::gui
