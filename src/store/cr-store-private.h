/* cr-store-private.h: what the store's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cr-store.h"

G_BEGIN_DECLS

/* "CoRm": tells our files from every other SQLite file. */
#define CR_STORE_APPLICATION_ID 0x436f526d

typedef struct
{
  int         version;   /* the schema version this step produces */
  const char *sql;
  /* Work SQL can't do (folding text the way the app does), run after the
   * step's SQL in the same transaction; may be NULL. */
  gboolean  (*after) (sqlite3  *db,
                      GError  **error);
} CrMigration;

const CrMigration *_cr_migrations_get      (guint        *n_migrations);

sqlite3           *_cr_store_get_db        (CrStore      *self);
sqlite3_stmt      *_cr_store_prepare       (CrStore      *self,
                                            const char   *sql,
                                            GError      **error);
gboolean           _cr_store_step_done     (CrStore      *self,
                                            sqlite3_stmt *stmt,
                                            GError      **error);
void               _cr_store_set_error     (CrStore      *self,
                                            GError      **error,
                                            int           rc,
                                            const char   *doing);
gboolean           _cr_store_require_write (CrStore      *self,
                                            GError      **error);
char              *_cr_store_name_key      (const char   *given_name,
                                            const char   *family_name);

/* Makes the item for the row @stmt stands on; %NULL adds nothing (the
 * function may have kept what it read elsewhere, through @user_data). */
typedef gpointer (*CrStoreRowFunc) (sqlite3_stmt *stmt,
                                    gpointer      user_data);

/* Steps @stmt, prepared and bound by the caller, to its end, appending
 * @read_row's item for each row to @out (%NULL when @read_row keeps what
 * it reads through @user_data and returns %NULL), then resets it.
 * A failed step sets @error, saying it happened while @doing ("reading the
 * accounts"); items already added stay in @out for the caller to drop. */
gboolean           _cr_store_collect       (CrStore         *self,
                                            sqlite3_stmt    *stmt,
                                            CrStoreRowFunc   read_row,
                                            gpointer         user_data,
                                            GPtrArray       *out,
                                            const char      *doing,
                                            GError         **error);
/* The same, into a new array that frees its items with @free_func.
 * Returns: (transfer full) (nullable): the items, or %NULL with @error set */
GPtrArray         *_cr_store_collect_new   (CrStore         *self,
                                            sqlite3_stmt    *stmt,
                                            CrStoreRowFunc   read_row,
                                            GDestroyNotify   free_func,
                                            const char      *doing,
                                            GError         **error);
/* Returns: (transfer full) (nullable): column @col's text, or %NULL */
char              *_cr_store_column_dup    (sqlite3_stmt    *stmt,
                                            int              col);

gboolean           _cr_store_people_fill_derived (sqlite3  *db,
                                                  GError  **error);

/* For tests: a new file at an older schema version, to migrate from. */
gboolean           _cr_store_create_at_version (const char  *path,
                                                const char  *association_name,
                                                int          version,
                                                GError     **error);

G_END_DECLS
