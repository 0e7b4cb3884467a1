/* bench-check.c: `check` over 100,000 people and about 1,000,000
 * attendance marks
 *
 * Builds the benchmark file (the demo with 100,000 members and 20,000
 * meetings), gives every group terms of reference with every rule the
 * engine checks switched on, so that each mark is looked at, then times
 * cr_store_check() over all groups on a file opened for reading, as
 * `commonroom-cli check` does. Prints the CPU time (user + system, from
 * getrusage()) and the wall time of the best of three runs, and what was
 * found. DESIGN.md's target: under 1 s of CPU.
 *
 * Run with `meson test --benchmark check` or `make bench`; optional
 * arguments set the number of members and of meetings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-date.h"
#include "cr-demo.h"
#include "cr-store-people.h"
#include "cr-store-rules.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#define N_RUNS        3
#define TARGET_SECONDS 1.0

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static void
remove_tree (const char *path)
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
      remove_tree (child);
    }
  g_rmdir (path);
}

/* Every rule the engine checks, on every group. */
static gboolean
set_rules (CrStore  *store,
           GError  **error)
{
  static const char *const rules[][2] = {
    { "max-members", "100" },
    { "lapse-consecutive", "3" },
    { "lapse-in-12-months", "5" },
    { "apologies-excuse", "yes" },
    { "term-years", "3" },
    { "max-terms", "2" },
    { "chair-max-years", "6" },
    { "chair-max-consecutive-years", "3" },
    { "meetings-per-year-min", "10" },
    { "meeting-months-avoid", "12,1,2" },
    { "papers-notice-working-days", "5" },
    { "minutes-due-working-days", "5" },
    { "agm-max-months", "15" },
    { "agm-notice-days", "14" },
  };
  g_autoptr (GPtrArray) groups = cr_store_list_groups (store, error);
  g_autofree char *today = cr_date_today_iso ();

  if (groups == NULL || !cr_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < groups->len; i++)
    {
      gint64 id = cr_group_get_id (g_ptr_array_index (groups, i));

      for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
        if (!cr_store_set_draft_rule (store, id, rules[r][0], rules[r][1],
                                      error))
          return FALSE;
      if (!cr_store_adopt_terms (store, id, "2000-01-01", 0, error))
        return FALSE;
    }
  return cr_store_commit (store, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cr-bench-check-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *today = cr_date_today_iso ();
  g_autoptr (GHashTable) by_rule = g_hash_table_new (g_str_hash, g_str_equal);
  CrDemoOptions options = { 100000, 1, 20000 };
  double best_cpu = G_MAXDOUBLE, best_wall = G_MAXDOUBLE;
  guint n_items = 0;
  gint64 start;

  if (argc > 1)
    options.members = (guint) strtoul (argv[1], NULL, 10);
  if (argc > 2)
    options.meetings = (guint) strtoul (argv[2], NULL, 10);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.commonroom", NULL);

  start = g_get_monotonic_time ();
  {
    g_autoptr (CrStore) store = cr_store_create (path, "Bench", &error);

    g_assert_no_error (error);
    cr_demo_fill (store, &options, &error);
    g_assert_no_error (error);
    set_rules (store, &error);
    g_assert_no_error (error);
    cr_store_close (store);
  }
  printf ("# made the file (%u members, %u meetings) in %.1f s\n",
          options.members, options.meetings,
          (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr (CrStore) store = cr_store_open (path, CR_STORE_OPEN_READ_ONLY,
                                                 &error);
      g_autoptr (GPtrArray) items = NULL;
      double cpu;
      double wall;

      g_assert_no_error (error);
      cpu = cpu_seconds ();
      start = g_get_monotonic_time ();
      items = cr_store_check (store, 0, today, &error);
      wall = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
      cpu = cpu_seconds () - cpu;
      g_assert_no_error (error);
      printf ("# run %u: %.3f s CPU, %.3f s wall, %u items\n", run + 1, cpu,
              wall, items->len);
      best_cpu = MIN (best_cpu, cpu);
      best_wall = MIN (best_wall, wall);
      n_items = items->len;
      if (run == N_RUNS - 1)
        for (guint i = 0; i < items->len; i++)
          {
            CrAttentionItem *item = g_ptr_array_index (items, i);

            g_hash_table_insert (by_rule, (gpointer) item->rule,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (by_rule, item->rule)) + 1));
          }
    }

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, by_rule);
    while (g_hash_table_iter_next (&iter, &key, &value))
      printf ("#   %-20s %u\n", (const char *) key, GPOINTER_TO_UINT (value));
  }
  printf ("check: %.3f s CPU (best of %d), %.3f s wall, %u items; target "
          "under %.1f s CPU: %s\n",
          best_cpu, N_RUNS, best_wall, n_items, TARGET_SECONDS,
          best_cpu < TARGET_SECONDS ? "met" : "MISSED");

  remove_tree (dir);
  return 0;
}
