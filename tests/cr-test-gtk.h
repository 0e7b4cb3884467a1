/* cr-test-gtk.h: helpers for the test programs that drive the window
 * under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cr-window.h"

G_BEGIN_DECLS

typedef gboolean (*CrTestBusyFunc) (gpointer object);

/* Makes a folder from @tmpl for the run, points XDG_DATA_HOME under it,
 * sets CR_TODAY to @today and the memory settings backend, then starts
 * GTK and libadwaita. Returns the folder. */
char *
cr_test_gtk_init (int *argc, char ***argv, const char *tmpl, const char *today);

/* Runs the main loop (waking every 50 ms) while @busy (@object) says
 * so, for at most 60 s, then @rounds rounds of blocking iteration and
 * draining, so the views lay out. With @object NULL only the rounds
 * run. Returns whether the work was done (TRUE when @object is NULL). */
gboolean
cr_test_settle_full (CrTestBusyFunc busy, gpointer object, guint rounds);

/* A CrTestBusyFunc for a CrWindow. */
gboolean cr_test_window_busy (gpointer window);

/* Whether a mapped label in @widget's tree reads exactly @text. */
gboolean cr_test_shows_label (GtkWidget *widget, const char *text);
/* Whether a mapped label in @widget's tree contains @part. */
gboolean cr_test_shows_text (GtkWidget *widget, const char *part);

/* The first widget of @type in @widget's tree, or NULL. */
GtkWidget *cr_test_find_widget (GtkWidget *widget, GType type);
/* The first button labelled @label in @widget's tree, or NULL. */
GtkWidget *cr_test_find_button (GtkWidget *widget, const char *label);

/* The first visible message dialog among the toplevels, or NULL. */
AdwMessageDialog *cr_test_find_dialog (void);

/* With CR_SCREENSHOT_DIR set, saves what @widget shows as NAME.png, for a
 * person to look at; the tests never depend on it. */
void cr_test_screenshot (GtkWidget *widget, const char *name);

G_END_DECLS
