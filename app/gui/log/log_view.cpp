#include "gui/log/log_view.hpp"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace mpviz::gui {

LogView::LogView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("logView"));
    model_ = new LogModel(this);
    filter_ = new LogFilter(this);
    filter_->setSourceModel(model_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 0);
    filterButton_ = new QToolButton(this);
    filterButton_->setObjectName(QStringLiteral("logFilter"));
    filterButton_->setText(tr("Processes"));
    filterButton_->setToolTip(tr("Show or hide the lines of each process"));
    filterButton_->setPopupMode(QToolButton::InstantPopup);
    filterMenu_ = new QMenu(filterButton_);
    filterButton_->setMenu(filterMenu_);
    bar->addWidget(new QLabel(tr("Show:"), this));
    bar->addWidget(filterButton_);
    bar->addStretch(1);
    layout->addLayout(bar);

    table_ = new QTableView(this);
    table_->setModel(filter_);
    table_->setShowGrid(false);
    table_->setWordWrap(false);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    // Every line is one line of text: one height for all, known without measuring each row
    // (measuring them all on every insert cost a live run most of a frame).
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->horizontalHeader()->setSectionResizeMode(LogModel::Time, QHeaderView::Fixed);
    table_->horizontalHeader()->setSectionResizeMode(LogModel::Process, QHeaderView::Fixed);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setToolTip(tr("Everything the processes printed, in time order"));
    layout->addWidget(table_);

    connect(model_, &LogModel::processesChanged, this, [this] {
        rebuildFilterMenu();
        fitColumns();
    });
    // The first line says how tall a line is in this font and style.
    connect(model_, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first) {
        if (first == 0) fitColumns();
    });
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (selecting_ || !current.isValid()) return;
                Q_EMIT eventActivated(current.data(LogModel::EventRole).toUInt());
            });
    rebuildFilterMenu();
    fitColumns();
}

void LogView::fitColumns() {
    const QFontMetrics metrics = table_->fontMetrics();
    auto* header = table_->horizontalHeader();
    // Sized for the longest times a lesson reaches, so it never elides "10.0…".
    header->resizeSection(LogModel::Time,
                          metrics.horizontalAdvance(QStringLiteral("0000.000 s")) + 12);
    // Every process's name fits, whether it printed yet or not ("MainProcess" printing
    // last must not widen the column under the reader's eyes).
    const int padding =
        2 * (table_->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table_) + 1);
    int process = header->sectionSizeHint(LogModel::Process);
    for (const QString& name : model_->processNames())
        process = std::max(process, metrics.horizontalAdvance(name) + padding + 4);
    header->resizeSection(LogModel::Process, process);
    const int row = model_->rowCount() > 0 ? static_cast<QAbstractItemView*>(table_)->sizeHintForRow(0) : 0;
    table_->verticalHeader()->setDefaultSectionSize(std::max(
        row, metrics.height() +
                 2 * table_->style()->pixelMetric(QStyle::PM_FocusFrameVMargin, nullptr, table_)));
}

void LogView::clear() {
    model_->clear();
    filter_->setHidden({});
}

void LogView::rebuildFilterMenu() {
    filterMenu_->clear();
    const QStringList names = model_->processNames();
    auto* all = filterMenu_->addAction(tr("All processes"));
    connect(all, &QAction::triggered, this, [this] {
        filter_->setHidden({});
        rebuildFilterMenu();
    });
    filterMenu_->addSeparator();
    for (int i = 0; i < names.size(); ++i) {
        auto* action = filterMenu_->addAction(names[i]);
        action->setCheckable(true);
        action->setChecked(filter_->hidden().count(i) == 0);
        connect(action, &QAction::toggled, this, [this, i](bool on) { setProcessVisible(i, on); });
    }
    const int hidden = static_cast<int>(filter_->hidden().size());
    filterButton_->setText(
        hidden ? tr("%1 of %2 processes").arg(names.size() - hidden).arg(names.size())
               : tr("All processes"));
}

void LogView::setProcessVisible(int process, bool visible) {
    auto hidden = filter_->hidden();
    if (visible)
        hidden.erase(process);
    else
        hidden.insert(process);
    filter_->setHidden(hidden);
    const int count = static_cast<int>(model_->processNames().size());
    const int shown = count - static_cast<int>(hidden.size());
    filterButton_->setText(hidden.empty() ? tr("All processes")
                                          : tr("%1 of %2 processes").arg(shown).arg(count));
}

void LogView::updateFrom(const trace::TraceData& trace, bool followEnd) {
    model_->update(trace);
    if (followEnd) table_->scrollToBottom();
}

void LogView::scrollToSourceRow(int row, bool select) {
    if (row < 0) {
        if (select) table_->clearSelection();
        table_->scrollToTop();
        return;
    }
    const QModelIndex proxy = filter_->mapFromSource(model_->index(row, 0));
    if (!proxy.isValid()) return;
    table_->scrollTo(proxy, QAbstractItemView::PositionAtCenter);
    if (select) {
        selecting_ = true;
        table_->selectionModel()->setCurrentIndex(proxy, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
        selecting_ = false;
    }
}

void LogView::showTime(std::optional<std::int64_t> t) {
    model_->setCursorTime(t);
    if (t) scrollToSourceRow(model_->rowAtOrBefore(*t), false);
}

void LogView::selectEvent(std::uint32_t event, std::int64_t ts) {
    int row = model_->rowOfEvent(event);
    if (row < 0) row = model_->rowAtOrBefore(ts);
    scrollToSourceRow(row, true);
}

void LogView::setTheme(Theme theme) {
    model_->setTheme(theme);
}

void LogView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // Presentation mode's larger text: wider columns, taller lines.
    if (event->type() == QEvent::FontChange) fitColumns();
}

} // namespace mpviz::gui
