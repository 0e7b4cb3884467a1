/* cr-demo-terms.c: the demo association's terms of reference
 *
 * Each of the demo's named groups gets terms of reference from the
 * template of its shape (cr-templates.c), adopted before its first
 * meeting, keeping the quorum the demo gave it so that what the meetings
 * show is unchanged. The association's terms were revised once since, so
 * the Terms of Reference page has history to show. A few statements a group and
 * only for the named groups, so a federation-sized demo takes no longer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-date.h"
#include "cr-store-groups.h"
#include "cr-store-rules.h"
#include "cr-templates.h"

#include <glib/gi18n-lib.h>

static char *
days_before (const GDate *today, guint days)
{
  GDate date = *today;

  g_date_subtract_days (&date, days);
  return cr_date_to_iso (&date);
}

/* Writes @template_'s rules (but its quorum) and sections to the group's
 * draft, and adopts it on @adopted_on. */
static gboolean
adopt_template (CrStore          *store,
                gint64            group_id,
                const CrTemplate *template_,
                const char       *adopted_on,
                gboolean          association,
                GError          **error)
{
  g_autoptr (GPtrArray) sections = NULL;
  gint64 draft;

  draft = cr_store_ensure_terms_draft (store, group_id, error);
  if (draft == 0)
    return FALSE;
  for (guint i = 0; template_->rules[i].key != NULL; i++)
    if (!g_str_equal (template_->rules[i].key, "quorum") &&
        /* Anyone living there is a member of the association itself:
         * no one lapses from it by missing meetings; and only the
         * association holds the AGM, not its committee. */
        !(association && g_str_has_prefix (template_->rules[i].key, "lapse")) &&
        !(!association && g_str_has_prefix (template_->rules[i].key, "agm")) &&
        !cr_store_set_draft_rule (store, group_id, template_->rules[i].key,
                                  template_->rules[i].value, error))
      return FALSE;
  sections =
      g_ptr_array_new_with_free_func ((GDestroyNotify) cr_terms_section_free);
  for (guint i = 0; template_->sections[i].heading != NULL; i++)
    {
      CrTermsSection *s = g_new0 (CrTermsSection, 1);

      s->position = i + 1;
      s->heading = g_strdup (
          g_dgettext (GETTEXT_PACKAGE, template_->sections[i].heading));
      s->text =
          g_strdup (g_dgettext (GETTEXT_PACKAGE, template_->sections[i].text));
      g_ptr_array_add (sections, s);
    }
  return cr_store_set_terms_sections (store, draft, sections, error) &&
         cr_store_adopt_terms (store, group_id, adopted_on, 0, error);
}

/**
 * cr_demo_fill_terms:
 * @today: the demo's today
 *
 * Gives the demo's groups their terms of reference; called inside the
 * demo's one transaction.
 */
gboolean
cr_demo_fill_terms (CrStore     *store,
                    GRand       *rand,
                    const GDate *today,
                    GError     **error)
{
  g_autoptr (GPtrArray) groups = NULL;
  g_autofree char *first = days_before (today, 5 * 365);
  g_autofree char *revised = days_before (today, 150);

  groups = cr_store_list_group_infos (store, error);
  if (groups == NULL)
    return FALSE;
  for (guint i = 0; i < groups->len; i++)
    {
      CrGroupInfo *g = g_ptr_array_index (groups, i);
      const char  *id = NULL;

      if (g_str_equal (g->kind, "association") ||
          g_str_equal (g->kind, "committee"))
        id = "tra-committee";
      else if (g_str_equal (g->kind, "panel"))
        id = "scrutiny-panel";
      else if (g_str_equal (g->kind, "focus-group"))
        id = "focus-group";
      else if (g_str_equal (g->kind, "working-group"))
        id = "blank";
      if (id == NULL)
        continue;
      if (!adopt_template (store, g->id, cr_template_find (id), first,
                           g_str_equal (g->kind, "association"), error))
        return FALSE;

      /* The association moved its AGM notice from 21 days to 14 at a
       * revision, so its page has history to show. */
      if (g_str_equal (g->kind, "association") &&
          (!cr_store_set_draft_rule (store, g->id, "agm-notice-days", "14",
                                     error) ||
           !cr_store_adopt_terms (store, g->id, revised, 0, error)))
        return FALSE;
      if (g_str_equal (g->kind, "working-group") &&
          (!cr_store_set_draft_rule (store, g->id, "minutes-due-working-days",
                                     "10", error) ||
           !cr_store_adopt_terms (store, g->id, first, 0, error)))
        return FALSE;
    }
  return TRUE;
}
