#include "mainwindow.h"

namespace aicp {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {}

}  // namespace aicp
