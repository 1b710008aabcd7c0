#include "gui/window/help_dialogs.hpp"

#include "gui/window/language.hpp"

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextImageFormat>
#include <QVBoxLayout>

namespace mpviz::gui {

namespace {

QString withoutMnemonic(QString text) {
    return text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
}

// The dialog's content above a Close button.
void layOut(QDialog* dialog, QWidget* content) {
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(content);
    layout->addWidget(buttons);
}

// A menu's actions with shortcuts, submenus included, as (menu, action) pairs.
void collect(const QMenu* menu, const QString& path,
             std::vector<std::pair<QString, const QAction*>>& out) {
    for (const QAction* a : menu->actions()) {
        if (a->menu()) {
            collect(a->menu(), path + QStringLiteral(" \u25b8 ") + withoutMnemonic(a->text()), out);
            continue;
        }
        if (!a->isSeparator() && !a->shortcuts().isEmpty()) out.emplace_back(path, a);
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar* menus, QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    std::vector<std::pair<QString, const QAction*>> rows;
    for (const QAction* top : menus->actions())
        if (top->menu()) collect(top->menu(), withoutMnemonic(top->text()), rows);

    table_ = new QTableWidget(static_cast<int>(rows.size()), 4, this);
    table_->setObjectName(QStringLiteral("shortcutsTable"));
    table_->setHorizontalHeaderLabels({tr("Keys"), tr("Does"), tr("Menu"), tr("What for")});
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setWordWrap(true);
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        const auto& [menu, a] = rows[static_cast<std::size_t>(r)];
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        const QString cells[] = {keys.join(tr(" or ")), withoutMnemonic(a->text()), menu,
                                 a->statusTip()}; // the tooltip names the keys again
        for (int c = 0; c < 4; ++c)
            table_->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
    table_->resizeColumnsToContents();
    // The explanation wraps in what is left of the width, never a horizontal scrollbar.
    table_->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    connect(table_->horizontalHeader(), &QHeaderView::sectionResized, table_,
            &QTableWidget::resizeRowsToContents);

    layOut(this, table_);
    resize(900, 600);
}

// Screenshots are 1600 px and more wide: shown at most `width` px wide, in proportion.
void UserGuideDialog::fitImages(int width) {
    for (QTextBlock block = browser_->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            QTextImageFormat image = fragment.charFormat().toImageFormat();
            if (!image.isValid()) continue;
            // QTextBrowser hands a file's resource over as its bytes.
            const QVariant data =
                browser_->loadResource(QTextDocument::ImageResource, QUrl(image.name()));
            const QImage pixels = data.canConvert<QImage>() && !data.value<QImage>().isNull()
                                      ? data.value<QImage>()
                                      : QImage::fromData(data.toByteArray());
            if (pixels.isNull() || pixels.width() <= width) continue;
            image.setWidth(width);
            image.setHeight(double(pixels.height()) * width / pixels.width());
            QTextCursor cursor(browser_->document());
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            cursor.setCharFormat(image);
        }
    }
}

UserGuideDialog::UserGuideDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("userGuideDialog"));
    setWindowTitle(tr("mpviz user guide"));
    browser_ = new QTextBrowser(this);
    browser_->setObjectName(QStringLiteral("userGuide"));
    browser_->setOpenExternalLinks(true);
    // The guide's images are beside it in the resources, as in docs/.
    browser_->setSearchPaths({QStringLiteral(":/guide")});
    QFile guide(currentLanguage() == Language::Chinese
                    ? QStringLiteral(":/guide/user-guide.zh_CN.md")
                    : QStringLiteral(":/guide/user-guide.md"));
    if (guide.open(QIODevice::ReadOnly)) {
        browser_->setMarkdown(QString::fromUtf8(guide.readAll()));
        fitImages(900);
    } else
        browser_->setPlainText(tr("The user guide is missing from this build of mpviz."));
    layOut(this, browser_);
    resize(1000, 760);
}

} // namespace mpviz::gui
