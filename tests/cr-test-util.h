/* cr-test-util.h: fixture plumbing shared by the test programs; no GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <stdarg.h>

G_BEGIN_DECLS

/* A new folder under the system's temporary folder, named after
 * @tmpl (a g_dir_make_tmp() template); asserts it was made. */
char *cr_test_make_tmpdir (const char *tmpl);

/* Removes @path and, when it is a folder, everything under it. */
void cr_test_remove_tree (const char *path);

/* Runs $CR_CLI [--file @file] and the arguments up to NULL; replaces
 * *@out and *@err with what it printed and returns its exit status. */
int cr_test_run_cli (char      **out,
                     char      **err,
                     const char *file,
                     const char *first,
                     ...) G_GNUC_NULL_TERMINATED;
int cr_test_run_cli_va (
    char **out, char **err, const char *file, const char *first, va_list args);

/* The whole of the file at @path; asserts it could be read. */
GBytes *cr_test_read_bytes (const char *path);

/* A new register at @path filled with the demo data (seed 7). */
void cr_test_make_demo (const char *path, guint members);

G_END_DECLS
