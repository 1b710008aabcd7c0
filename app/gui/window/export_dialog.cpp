#include "gui/window/export_dialog.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mpviz::gui {

ExportDialog::ExportDialog(const ExportRequest& initial, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Export the timeline"));
    setObjectName(QStringLiteral("exportDialog"));
    auto* form = new QFormLayout;

    format_ = new QComboBox(this);
    format_->addItem(tr("PNG image"), QStringLiteral("png"));
    format_->addItem(tr("SVG drawing"), QStringLiteral("svg"));
    format_->addItem(tr("PDF document"), QStringLiteral("pdf"));
    format_->setToolTip(tr("PNG for slides and chats; SVG and PDF stay sharp at any size and "
                           "keep the text as text"));
    form->addRow(tr("Format:"), format_);

    auto* fileRow = new QHBoxLayout;
    file_ = new QLineEdit(initial.file, this);
    file_->setToolTip(tr("Where to write the image; the suffix follows the format"));
    auto* browse = new QPushButton(tr("Browse\u2026"), this);
    fileRow->addWidget(file_, 1);
    fileRow->addWidget(browse);
    form->addRow(tr("File:"), fileRow);

    scale_ = new QSpinBox(this);
    scale_->setRange(1, 4);
    scale_->setSuffix(QStringLiteral("\u00d7"));
    scale_->setValue(int(initial.scale));
    scale_->setToolTip(tr("PNG only: 2\u00d7 or more for sharp slides on large screens"));
    form->addRow(tr("PNG scale:"), scale_);

    visible_ = new QRadioButton(tr("The visible range"), this);
    whole_ = new QRadioButton(tr("The whole run"), this);
    (initial.visibleRangeOnly ? visible_ : whole_)->setChecked(true);
    visible_->setToolTip(tr("Exactly what the timeline shows now"));
    whole_->setToolTip(tr("From the first process start to the end"));
    auto* range = new QVBoxLayout;
    range->addWidget(visible_);
    range->addWidget(whole_);
    form->addRow(tr("Range:"), range);

    dark_ = new QCheckBox(tr("Dark background"), this);
    dark_->setChecked(initial.dark);
    form->addRow(QString(), dark_);
    fontScale_ = new QDoubleSpinBox(this);
    fontScale_->setRange(1.0, 3.0);
    fontScale_->setSingleStep(0.25);
    fontScale_->setValue(initial.fontScale);
    fontScale_->setSuffix(QStringLiteral("\u00d7"));
    fontScale_->setToolTip(tr("Larger text and glyphs, for slides seen from the back of the room"));
    form->addRow(tr("Text size:"), fontScale_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    const QString suffix = QFileInfo(initial.file).suffix().toLower();
    const int row = format_->findData(suffix);
    format_->setCurrentIndex(row >= 0 ? row : 0);
    formatChosen();

    connect(format_, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChosen);
    connect(file_, &QLineEdit::editingFinished, this, &ExportDialog::fileEdited);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ExportDialog::formatChosen() {
    const QString suffix = format_->currentData().toString();
    scale_->setEnabled(suffix == QLatin1String("png"));
    QString file = file_->text();
    const QFileInfo info(file);
    if (!file.isEmpty() && info.suffix().toLower() != suffix)
        file_->setText(info.path() + QLatin1Char('/') + info.completeBaseName() + QLatin1Char('.') +
                       suffix);
}

void ExportDialog::fileEdited() {
    const int row = format_->findData(QFileInfo(file_->text()).suffix().toLower());
    if (row >= 0)
        format_->setCurrentIndex(row);
    else
        formatChosen(); // an unknown suffix: use the chosen format's
}

void ExportDialog::browse() {
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Export the timeline"), file_->text(), tr("Images (*.png *.svg *.pdf)"));
    if (chosen.isEmpty()) return;
    file_->setText(chosen);
    fileEdited();
}

ExportRequest ExportDialog::request() const {
    ExportRequest r;
    r.file = file_->text();
    r.scale = scale_->value();
    r.visibleRangeOnly = visible_->isChecked();
    r.dark = dark_->isChecked();
    r.fontScale = fontScale_->value();
    return r;
}

} // namespace mpviz::gui
