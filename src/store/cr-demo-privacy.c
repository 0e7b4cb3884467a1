/* cr-demo-privacy.c: the demo association's consent records
 *
 * Every person the demo makes with consent to be contacted already has its
 * record (a trigger of schema step 8 writes it). This adds the other kinds
 * a real register holds: a few photograph consents given verbally at a
 * fun day, a few to share details with the landlord, and one withdrawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-store-privacy.h"

#include "cr-store-private.h"

#include <glib/gi18n-lib.h>

/**
 * cr_demo_fill_privacy:
 * @today: the demo's "today"
 *
 * Adds photograph and landlord-sharing consents for the first people of
 * each group (a fixed number a group, so the demo's time stays
 * proportional to its groups), within the demo's transaction.
 *
 * Returns: %FALSE on error
 */
gboolean
cr_demo_fill_privacy (CrStore     *store,
                      GRand       *rand,
                      const GDate *today,
                      GError     **error)
{
  static const char *const steps[] = {
    /* Photographs, verbally, at a summer fun day: six a group. */
    "INSERT INTO consents (person_id, purpose, method, given_on, notes) "
    "SELECT person_id, 'photos', 'verbal', date(?1, '-5 months'), "
    "'Asked at the summer fun day' FROM ("
    "  SELECT m.person_id, row_number() OVER "
    "    (PARTITION BY m.group_id ORDER BY m.person_id) AS n "
    "  FROM memberships m WHERE m.end_date IS NULL) WHERE n <= 6 "
    "GROUP BY person_id",
    /* Sharing details with the landlord, on the form: two a group; the
     * first of all withdrawn since. */
    "INSERT INTO consents (person_id, purpose, method, given_on) "
    "SELECT person_id, 'share-landlord', 'form', date(?1, '-1 year') FROM ("
    "  SELECT m.person_id, row_number() OVER "
    "    (PARTITION BY m.group_id ORDER BY m.person_id DESC) AS n "
    "  FROM memberships m WHERE m.end_date IS NULL) WHERE n <= 2 "
    "GROUP BY person_id",
    "UPDATE consents SET withdrawn_on = date(?1, '-1 month') "
    "WHERE id = (SELECT min(id) FROM consents "
    "WHERE purpose = 'share-landlord')",
  };
  char iso[16];

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);

  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", today);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sqlite3_stmt *stmt = _cr_store_prepare (store, steps[i], error);
      int           rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, iso, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _cr_store_set_error (store, error, rc,
                               _ ("making the demo consents"));
          return FALSE;
        }
    }
  (void) rand;
  return TRUE;
}
