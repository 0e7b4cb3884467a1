/* crash-writer.c: makes single edits until it is killed
 *
 * Each person is added in its own transaction; their id is printed only
 * once cr_store_add_person() has returned, so the parent knows every edit
 * that must survive a kill -9.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-store-people.h"

#include <stdio.h>
#include <stdlib.h>

int
main (int    argc,
      char **argv)
{
  g_autoptr (CrStore) store = NULL;
  g_autoptr (GError) error = NULL;
  guint n;

  if (argc != 3)
    {
      g_printerr ("usage: crash-writer FILE N\n");
      return 2;
    }

  n = atoi (argv[2]);
  store = cr_store_open (argv[1], CR_STORE_OPEN_READ_WRITE, &error);
  if (store == NULL)
    {
      g_printerr ("crash-writer: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CrPerson) person = cr_person_new ();
      g_autofree char *family = g_strdup_printf ("Crash %u", i);
      gint64 id;

      cr_person_set_given_name (person, "Edit");
      cr_person_set_family_name (person, family);
      id = cr_store_add_person (store, person, &error);
      if (id == 0)
        {
          g_printerr ("crash-writer: %s\n", error->message);
          return 1;
        }
      printf ("%" G_GINT64_FORMAT "\n", id);
      fflush (stdout);
    }

  return 0;
}
