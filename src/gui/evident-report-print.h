/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "evident-report.h"

G_BEGIN_DECLS

GtkPrintOperation *evident_report_print_new (EvidentReport *report,
                                             const char    *job_name);

G_END_DECLS
