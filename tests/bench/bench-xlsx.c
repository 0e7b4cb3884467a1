/* bench-xlsx.c: the attendance register's million marks, through the house
 * format and through bare libxlsxwriter
 *
 * Writes the same cells twice: a name column and 50 meeting columns of
 * attendance letters over 20,000 rows (1,020,000 cells), once with bare
 * libxlsxwriter in constant-memory mode and once through CrXlsx, each in a
 * forked child so each one's peak memory is its own. Prints the best of
 * three runs of each, their ratio and the peaks. DESIGN.md's target: at
 * most 1.5× the bare time, under 200 MB. Run with
 * `meson test --benchmark xlsx` or `make bench`; an optional first argument
 * sets the number of rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-xlsx.h"

#include <glib/gstdio.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define N_MEETINGS 50
#define N_RUNS     3

typedef struct
{
  double seconds;
  long   max_rss_kb;
} Result;

static const char *const marks[] = { "P", "A", "X" };

static const char *
mark (guint row,
      guint col)
{
  return marks[(row * 7 + col * 3) % G_N_ELEMENTS (marks)];
}

static char *
scratch_dir (void)
{
  char *dir = g_build_filename (g_get_user_cache_dir (), "commonroom", "tmp",
                                NULL);

  g_mkdir_with_parents (dir, 0700);
  return dir;
}

static gboolean
write_bare (const char *path,
            guint       n_rows)
{
  g_autofree char *tmpdir = scratch_dir ();
  lxw_workbook_options options = { .constant_memory = LXW_TRUE,
                                   .tmpdir = tmpdir };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "Attendance");
  char name[64];

  worksheet_write_string (sheet, 0, 0, "Name", NULL);
  for (guint c = 0; c < N_MEETINGS; c++)
    {
      g_snprintf (name, sizeof name, "Meeting %u", c + 1);
      worksheet_write_string (sheet, 0, (lxw_col_t) (c + 1), name, NULL);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      g_snprintf (name, sizeof name, "Member %u", r + 1);
      worksheet_write_string (sheet, r + 1, 0, name, NULL);
      for (guint c = 0; c < N_MEETINGS; c++)
        worksheet_write_string (sheet, r + 1, (lxw_col_t) (c + 1),
                                mark (r, c), NULL);
    }

  return workbook_close (workbook) == LXW_NO_ERROR;
}

static gboolean
write_house (const char *path,
             guint       n_rows)
{
  g_autoptr (CrXlsx) xlsx = NULL;
  g_autoptr (GError) error = NULL;
  CrXlsxColumn columns[N_MEETINGS + 1];
  g_autofree char *titles = g_malloc0 ((N_MEETINGS + 1) * 16);
  CrXlsxSheet *sheet;
  char name[64];

  columns[0] = (CrXlsxColumn) { "Name", CR_XLSX_TEXT, 24 };
  for (guint c = 0; c < N_MEETINGS; c++)
    {
      char *title = titles + (c + 1) * 16;

      g_snprintf (title, 16, "%02u/%02u", (c % 28) + 1, (c / 28) + 4);
      columns[c + 1] = (CrXlsxColumn) { title, CR_XLSX_TEXT, 6 };
    }

  xlsx = cr_xlsx_new (path, "Benchmark TRA", "Attendance register", &error);
  if (xlsx == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  sheet = cr_xlsx_add_sheet (xlsx, "Attendance",
                             "Benchmark TRA — Attendance register",
                             "1 April 2026 to 31 March 2027",
                             columns, G_N_ELEMENTS (columns));

  for (guint r = 0; r < n_rows; r++)
    {
      g_snprintf (name, sizeof name, "Member %u", r + 1);
      cr_xlsx_sheet_add_text (sheet, name);
      for (guint c = 0; c < N_MEETINGS; c++)
        cr_xlsx_sheet_add_text (sheet, mark (r, c));
      if (!cr_xlsx_sheet_end_row (sheet))
        break;
    }

  if (!cr_xlsx_close (xlsx, "/home/secretary/Benchmark.commonroom", &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* Runs @writer in a child; its time and its own peak resident size. */
static Result
run_in_child (gboolean  (*writer) (const char *, guint),
              const char *path,
              guint       n_rows)
{
  Result result = { 0 };
  struct rusage usage;
  int fds[2];
  int status = 0;
  pid_t pid;

  if (pipe (fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));

  pid = fork ();
  if (pid == 0)
    {
      gint64 start;
      double seconds;

      close (fds[0]);
      start = g_get_monotonic_time ();
      if (!writer (path, n_rows))
        _exit (1);
      seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
      if (write (fds[1], &seconds, sizeof seconds) != sizeof seconds)
        _exit (1);
      _exit (0);
    }

  close (fds[1]);
  if (read (fds[0], &result.seconds, sizeof result.seconds) !=
      sizeof result.seconds)
    result.seconds = -1;
  close (fds[0]);
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) ||
      WEXITSTATUS (status) != 0)
    g_error ("the writer failed");
  result.max_rss_kb = usage.ru_maxrss;
  g_unlink (path);
  return result;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cr-bench-xlsx-XXXXXX", &error);
  g_autofree char *bare_path = NULL;
  g_autofree char *house_path = NULL;
  guint n_rows = argc > 1 ? (guint) atoi (argv[1]) : 20000;
  Result bare_best = { G_MAXDOUBLE, 0 }, house_best = { G_MAXDOUBLE, 0 };
  double ratio;

  g_assert_no_error (error);
  bare_path = g_build_filename (dir, "bare.xlsx", NULL);
  house_path = g_build_filename (dir, "house.xlsx", NULL);

  g_print ("# %u rows x %u columns = %u cells\n", n_rows, N_MEETINGS + 1,
           n_rows * (N_MEETINGS + 1));

  /* Alternate the two so neither gets a warmer cache throughout. */
  for (guint i = 0; i < N_RUNS; i++)
    {
      Result bare = run_in_child (write_bare, bare_path, n_rows);
      Result house = run_in_child (write_house, house_path, n_rows);

      g_print ("# run %u: bare %.3f s (%ld MB), cr-xlsx %.3f s (%ld MB)\n",
               i + 1, bare.seconds, bare.max_rss_kb / 1024, house.seconds,
               house.max_rss_kb / 1024);
      if (bare.seconds < bare_best.seconds)
        bare_best.seconds = bare.seconds;
      if (house.seconds < house_best.seconds)
        house_best.seconds = house.seconds;
      bare_best.max_rss_kb = MAX (bare_best.max_rss_kb, bare.max_rss_kb);
      house_best.max_rss_kb = MAX (house_best.max_rss_kb, house.max_rss_kb);
    }

  ratio = house_best.seconds / bare_best.seconds;
  g_print ("bare libxlsxwriter (constant memory): %.3f s, peak %ld MB\n",
           bare_best.seconds, bare_best.max_rss_kb / 1024);
  g_print ("cr-xlsx (house format):               %.3f s, peak %ld MB\n",
           house_best.seconds, house_best.max_rss_kb / 1024);
  g_print ("ratio %.2f (target <= 1.5), peak %s 200 MB\n", ratio,
           house_best.max_rss_kb < 200 * 1024 ? "under" : "OVER");

  g_rmdir (dir);
  return ratio <= 1.5 && house_best.max_rss_kb < 200 * 1024 ? 0 : 1;
}
