/* cr-test-util.c: fixture plumbing shared by the test programs; no GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-test-util.h"

#include "cr-demo.h"

#include <glib/gstdio.h>

char *
cr_test_make_tmpdir (const char *tmpl)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

void
cr_test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      cr_test_remove_tree (child);
    }
  g_rmdir (path);
}

int
cr_test_run_cli_va (
    char **out, char **err, const char *file, const char *first, va_list args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;
  const char *arg;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CR_CLI"));
  g_assert_nonnull (argv->pdata[0]);
  if (file != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--file");
      g_ptr_array_add (argv, (gpointer) file);
    }
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  proc = g_subprocess_newv (
      (const char *const *) argv->pdata,
      G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  return g_subprocess_get_exit_status (proc);
}

int
cr_test_run_cli (
    char **out, char **err, const char *file, const char *first, ...)
{
  va_list args;
  int     status;

  va_start (args, first);
  status = cr_test_run_cli_va (out, err, file, first, args);
  va_end (args);
  return status;
}

GBytes *
cr_test_read_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

void
cr_test_make_demo (const char *path, guint members)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store =
      cr_store_create (path, CR_DEMO_ASSOCIATION_NAME, &error);
  CrDemoOptions options = { .members = members, .seed = 7 };

  g_assert_no_error (error);
  g_assert_true (cr_demo_fill (store, &options, &error));
  g_assert_no_error (error);
  cr_store_close (store);
}
