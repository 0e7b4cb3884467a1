/* cr-print-common.c: the opening of every printed page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-print"

#include "config.h"

#include "cr-print-private.h"

#include "cr-date.h"

#include <glib/gi18n-lib.h>

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* The date in words ("Sunday 22 November 2026"); anything that is not an
 * ISO date is shown as it came, never dropped. */
char *
_cr_print_date_long (const char *iso)
{
  GDate date;

  if (is_empty (iso))
    return g_strdup ("");
  if (!cr_date_parse_iso (iso, &date))
    return g_strdup (iso);
  return cr_date_to_long (&date);
}

/* The date as the UK writes it: 22/11/2026. */
char *
_cr_print_date_short (const char *iso)
{
  GDate date;

  if (is_empty (iso))
    return g_strdup ("");
  if (!cr_date_parse_iso (iso, &date))
    return g_strdup (iso);
  return cr_date_to_uk (&date);
}

/* Starts a document for one meeting: the association's name large, then
 * @what and the group, then when, where and what kind of meeting, and a
 * rule. Later pages carry the same in a running header. @title gets the
 * document's title for the PDF's properties.
 *
 * Returns: (transfer full): the document, ready for its body */
CrPageDoc *
_cr_print_begin (const CrPrintMeeting  *meeting,
                 const char            *what,
                 char                 **title)
{
  const char *association = !is_empty (meeting->association) ?
                            meeting->association : _("Common Room");
  g_autofree char *date_long = _cr_print_date_long (meeting->date);
  g_autofree char *date_short = _cr_print_date_short (meeting->date);
  g_autoptr (GString) details = g_string_new (NULL);
  g_autofree char *subtitle = NULL;
  g_autofree char *running = NULL;
  g_autofree char *subtitle_markup = NULL;
  CrPageDoc *doc;

  if (!is_empty (meeting->group))
    {
      /* TRANSLATORS: a printed page's subtitle: "Agenda · Residents' panel" */
      subtitle = g_strdup_printf (_("%s · %s"), what, meeting->group);
      /* TRANSLATORS: the running header: "Agenda · Residents' panel ·
       * 22/11/2026" */
      running = g_strdup_printf (_("%s · %s · %s"), what, meeting->group,
                                 date_short);
    }
  else
    {
      subtitle = g_strdup (what);
      running = g_strdup_printf (_("%s · %s"), what, date_short);
    }

  /* When on the first line, where on the second: each reads whole. */
  g_string_append (details, date_long);
  if (!is_empty (meeting->start_time))
    /* TRANSLATORS: after the date: " at 19:00" */
    g_string_append_printf (details, _(" at %s"), meeting->start_time);
  if (!is_empty (meeting->kind))
    g_string_append_printf (details, "  ·  %s", meeting->kind);
  if (!is_empty (meeting->venue))
    g_string_append_printf (details, "\n%s", meeting->venue);

  doc = cr_page_doc_new (association, running);
  cr_page_doc_add_text (doc, CR_PAGE_STYLE_TITLE, CR_PAGE_BLOCK_NONE,
                        association);
  subtitle_markup = cr_page_escape (subtitle);
  cr_page_doc_add_markup (doc, CR_PAGE_STYLE_SUBTITLE, CR_PAGE_BLOCK_NONE,
                          subtitle_markup);
  cr_page_doc_add_text (doc, CR_PAGE_STYLE_DETAILS,
                        CR_PAGE_BLOCK_KEEP_WITH_NEXT, details->str);
  cr_page_doc_add_rule (doc);

  if (title != NULL)
    /* TRANSLATORS: a PDF's title: "Ashbourne Vale TRA — Agenda ·
     * Residents' panel · 22/11/2026" */
    *title = g_strdup_printf (_("%s — %s"), association, running);
  return doc;
}
