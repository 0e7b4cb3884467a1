/* cr-print-terms.c: a group's terms of reference, printed
 *
 * The association's name, the group, which version and when and where it
 * was adopted (or "Draft"), each free-text section under its heading, and
 * the structured rules in plain words: what the app checks, as the group
 * agreed it. The window prints the same document through
 * GtkPrintOperation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-print"

#include "config.h"

#include "cr-print-terms.h"

#include "cr-date.h"
#include "cr-print-private.h"
#include "cr-rules.h"
#include "cr-store-groups.h"
#include "cr-store-rules.h"

#include <glib/gi18n-lib.h>

static CrTermsVersion *
find_version (GPtrArray *versions, gint64 version_id)
{
  for (guint i = 0; versions != NULL && i < versions->len; i++)
    {
      CrTermsVersion *v = g_ptr_array_index (versions, i);

      if (v->id == version_id)
        return v;
    }
  return NULL;
}

/**
 * cr_print_terms_build:
 * @version_id: the version to print, or 0 for the one in force today (the
 *   draft if none is)
 * @title: (out) (optional) (transfer full): the document's title, for the
 *   PDF and the print job
 *
 * Returns: (transfer full): the laid-out pages; %NULL with @error
 */
CrPageDoc *
cr_print_terms_build (CrStore *store,
                      gint64   group_id,
                      gint64   version_id,
                      char   **title,
                      GError **error)
{
  g_autoptr (CrGroupInfo) group = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  g_autoptr (CrRules) rules = NULL;
  g_autofree char      *today = NULL;
  g_autofree char      *state = NULL;
  g_autofree char      *running = NULL;
  g_autofree char      *subtitle = NULL;
  const char *const    *keys = cr_rules_get_keys ();
  const CrTermsVersion *version;
  const CrPageColumn    columns[] = {
       { _ ("Rule"), 0.62 },
       { _ ("Value"), 0.38 },
  };
  CrPageTable *table;
  CrPageDoc   *doc;
  guint        shown = 0;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  group = cr_store_get_group_info (store, group_id, error);
  if (group == NULL)
    return NULL;
  versions = cr_store_list_terms (store, group_id, error);
  if (versions == NULL)
    return NULL;
  if (version_id == 0)
    {
      today = cr_date_today_iso ();
      if (!cr_store_get_terms_in_force (store, group_id, today, &version_id,
                                        error))
        return NULL;
      for (guint i = 0; version_id == 0 && i < versions->len; i++)
        if (((CrTermsVersion *) g_ptr_array_index (versions, i))->status ==
            CR_TERMS_DRAFT)
          version_id = ((CrTermsVersion *) g_ptr_array_index (versions, i))->id;
    }
  version = find_version (versions, version_id);
  if (version == NULL)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                   _ ("%s has no terms of reference yet: write them on the "
                      "Terms of Reference page first."),
                   group->name);
      return NULL;
    }
  sections = cr_store_get_terms_sections (store, version->id, error);
  if (sections == NULL)
    return NULL;
  rules = cr_store_get_version_rules (store, version->id, error);
  if (rules == NULL)
    return NULL;

  if (version->status == CR_TERMS_ADOPTED)
    {
      g_autofree char *when = _cr_print_date_long (version->adopted_on);

      /* TRANSLATORS: under the title: "Version 3, adopted on 12 May 2026" */
      state = g_strdup_printf (_ ("Version %u, adopted on %s"),
                               version->version, when);
    }
  else
    /* TRANSLATORS: under the title of terms not yet agreed */
    state = g_strdup_printf (_ ("Version %u — draft, not yet adopted"),
                             version->version);

  subtitle = g_strdup_printf (_ ("Terms of reference · %s"), group->name);
  running = g_strdup_printf (_ ("Terms of reference · %s · version %u"),
                             group->name, version->version);
  doc = cr_page_doc_new (cr_store_get_association_name (store), running);
  cr_page_doc_add_text (doc, CR_PAGE_STYLE_TITLE, CR_PAGE_BLOCK_NONE,
                        cr_store_get_association_name (store));
  cr_page_doc_add_text (doc, CR_PAGE_STYLE_SUBTITLE, CR_PAGE_BLOCK_NONE,
                        subtitle);
  cr_page_doc_add_text (doc, CR_PAGE_STYLE_DETAILS, CR_PAGE_BLOCK_NONE, state);
  if (group->purpose != NULL)
    cr_page_doc_add_text (doc, CR_PAGE_STYLE_NOTE, CR_PAGE_BLOCK_NONE,
                          group->purpose);
  cr_page_doc_add_rule (doc);

  for (guint i = 0; i < sections->len; i++)
    {
      CrTermsSection  *s = g_ptr_array_index (sections, i);
      g_autofree char *heading = g_strdup_printf ("%u. %s", i + 1, s->heading);

      cr_page_doc_add_text (doc, CR_PAGE_STYLE_HEADING,
                            CR_PAGE_BLOCK_KEEP_WITH_NEXT, heading);
      cr_page_doc_add_text (doc, CR_PAGE_STYLE_BODY, CR_PAGE_BLOCK_NONE,
                            s->text && *s->text ? s->text : "—");
      cr_page_doc_add_space (doc, 6);
    }

  cr_page_doc_add_text (doc, CR_PAGE_STYLE_HEADING,
                        CR_PAGE_BLOCK_KEEP_WITH_NEXT,
                        _ ("Rules the association checks"));
  table = cr_page_doc_add_table (doc, columns, G_N_ELEMENTS (columns),
                                 CR_PAGE_TABLE_HEADER | CR_PAGE_TABLE_RULES, 0,
                                 _ ("Rules (continued)"));
  for (guint i = 0; keys[i] != NULL; i++)
    {
      CrRuleKey        key;
      g_autofree char *value = NULL;
      g_autofree char *label = NULL;
      g_autofree char *value_markup = NULL;
      const char      *cells[2];

      cr_rules_key_from_string (keys[i], &key);
      if (!cr_rules_has (rules, key))
        continue;
      value = cr_rules_get_string (rules, keys[i]);
      label = cr_page_escape (cr_rules_key_get_label (key));
      value_markup = cr_page_escape (value);
      cells[0] = label;
      cells[1] = value_markup;
      cr_page_table_add_row (table, cells);
      shown++;
    }
  if (shown == 0)
    cr_page_doc_add_text (doc, CR_PAGE_STYLE_NOTE, CR_PAGE_BLOCK_NONE,
                          _ ("No rules are set."));
  if (title != NULL)
    *title = g_strdup_printf (_ ("Terms of reference of %s"), group->name);
  return doc;
}

/**
 * cr_print_terms_to_pdf:
 * @version_id: as for cr_print_terms_build()
 * @path: the PDF to write (written whole or not at all)
 *
 * Returns: %FALSE with @error
 */
gboolean
cr_print_terms_to_pdf (CrStore    *store,
                       gint64      group_id,
                       gint64      version_id,
                       const char *path,
                       GError    **error)
{
  g_autoptr (CrPageDoc) doc = NULL;
  g_autofree char *title = NULL;

  doc = cr_print_terms_build (store, group_id, version_id, &title, error);
  return doc != NULL && cr_page_doc_write_pdf (doc, path, title, error);
}
