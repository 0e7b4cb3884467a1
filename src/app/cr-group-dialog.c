/* cr-group-dialog.c: creating and editing a group
 *
 * One small form: name, kind, the group it sits under, its purpose, and
 * an end date for a group set up for a fixed period; a new group may
 * also start its terms of reference from a template. Nothing is saved
 * until "Add" or "Save"; a refusal (a name already taken, a date that is
 * not one) is explained and the form comes back as it was typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-group-dialog.h"

#include "cr-date.h"
#include "cr-form.h"
#include "cr-store-groups.h"
#include "cr-templates.h"

#include <glib/gi18n.h>

typedef struct
{
  GtkWidget        *near;
  CrStore          *store;
  gint64            group_id;
  CrGroupDialogDone done;
  gpointer          user_data;
  GArray           *parent_ids; /* the parent drop-down's groups */
} Form;

static void
form_free (gpointer data, GClosure *closure)
{
  Form *form = data;

  g_clear_object (&form->near);
  g_clear_object (&form->store);
  g_clear_pointer (&form->parent_ids, g_array_unref);
  g_free (form);
}

/* The kinds a group other than the association can be. */
static const char *const *
kinds (void)
{
  return cr_group_kinds () + 1;
}

static AdwMessageDialog *present (GtkWidget         *near,
                                  CrStore           *store,
                                  gint64             group_id,
                                  const CrGroupInfo *shown,
                                  const char        *template_id,
                                  CrGroupDialogDone  done,
                                  gpointer           user_data);

static void
form_response (AdwMessageDialog *dialog, const char *response, Form *form)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *end_date = NULL;
  g_autofree char *today = cr_date_today_iso ();
  CrGroupInfo      info = { 0 };
  const char      *template_id = NULL;
  guint            parent, kind;
  gint64           id = form->group_id;

  if (g_strcmp0 (response, "save") != 0)
    return;

  info.id = form->group_id;
  info.name = (char *) cr_form_get_text (dialog, "name");
  kind = cr_form_get_choice (dialog, "kind");
  info.kind =
      (char *) kinds ()[MIN (kind, g_strv_length ((char **) kinds ()) - 1)];
  parent = cr_form_get_choice (dialog, "parent");
  if (parent < form->parent_ids->len)
    info.parent_id = g_array_index (form->parent_ids, gint64, parent);
  info.purpose = (char *) cr_form_get_text (dialog, "purpose");
  if (g_object_get_data (G_OBJECT (dialog), "template") != NULL)
    {
      guint             n;
      const CrTemplate *templates = cr_templates_get (&n);
      guint             t = cr_form_get_choice (dialog, "template");

      /* The blank template is no terms at all: written on the Terms of
       * Reference page when the group is ready. */
      if (t > 0 && t < n)
        template_id = templates[t].id;
    }

  if (cr_form_get_date (dialog, "end-date", FALSE, &end_date, &error))
    {
      info.end_date = end_date;
      if (form->group_id == 0)
        id = cr_store_create_group (form->store, &info, template_id, today,
                                    &error);
      else if (!cr_store_update_group (form->store, &info, &error))
        id = 0;
    }
  else
    id = 0;

  if (id == 0)
    {
      /* Say why, then give the form back as it was typed. */
      CrGroupInfo shown = info;

      shown.end_date = (char *) cr_form_get_text (dialog, "end-date");
      cr_form_show_problem (form->near,
                            form->group_id ? _ ("The Group Was Not Saved")
                                           : _ ("The Group Was Not Added"),
                            error->message);
      present (form->near, form->store, form->group_id, &shown, template_id,
               form->done, form->user_data);
      return;
    }
  if (form->done != NULL)
    form->done (form->user_data, id);
}

static AdwMessageDialog *
present (GtkWidget         *near,
         CrStore           *store,
         gint64             group_id,
         const CrGroupInfo *shown,
         const char        *template_id,
         CrGroupDialogDone  done,
         gpointer           user_data)
{
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GtkStringList) kind_names = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) parent_names = gtk_string_list_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char  *end_uk = NULL;
  Form             *form = g_new0 (Form, 1);
  AdwMessageDialog *dialog;
  GtkWidget        *kind, *parent;
  guint             kind_index = 0, parent_index = 0;

  form->near = g_object_ref (near);
  form->store = g_object_ref (store);
  form->group_id = group_id;
  form->done = done;
  form->user_data = user_data;
  form->parent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  dialog = cr_form_new (near, group_id ? _ ("Edit Group") : _ ("New Group"),
                        group_id ? NULL
                                 : _ ("A committee, panel or working group of "
                                      "the association."),
                        "save", group_id ? _ ("_Save") : _ ("_Add"),
                        ADW_RESPONSE_SUGGESTED);
  cr_form_add (dialog, "name", _ ("Name"),
               cr_form_entry (shown && shown->name ? shown->name : "",
                              _ ("Repairs scrutiny panel")));

  for (guint i = 0; kinds ()[i] != NULL; i++)
    {
      gtk_string_list_append (kind_names,
                              cr_group_kind_get_label (kinds ()[i]));
      if (shown != NULL && g_strcmp0 (shown->kind, kinds ()[i]) == 0)
        kind_index = i;
    }
  kind = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kind_names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), kind_index);
  cr_form_add (dialog, "kind", _ ("Kind"), kind);

  groups = cr_store_list_group_infos (store, &error);
  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      CrGroupInfo     *g = g_ptr_array_index (groups, i);
      g_autofree char *indent = g_strnfill (g->depth * 2, ' ');
      g_autofree char *label = g_strconcat (indent, g->name, NULL);

      /* A group can't sit under itself. */
      if (g->id == group_id)
        continue;
      gtk_string_list_append (parent_names, label);
      g_array_append_val (form->parent_ids, g->id);
      if (shown != NULL && shown->parent_id == g->id)
        parent_index = form->parent_ids->len - 1;
    }
  parent = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (parent_names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (parent), parent_index);
  cr_form_add (dialog, "parent", _ ("Part of"), parent);

  cr_form_add (dialog, "purpose", _ ("Purpose"),
               cr_form_entry (shown && shown->purpose ? shown->purpose : "",
                              _ ("What the group is for")));
  if (shown != NULL && shown->end_date != NULL)
    end_uk =
        g_utf8_strlen (shown->end_date, -1) == 10 && shown->end_date[4] == '-'
            ? cr_date_iso_to_uk (shown->end_date)
            : g_strdup (shown->end_date);
  cr_form_add (dialog, "end-date",
               _ ("Ends on (for a fixed period; leave empty if not)"),
               cr_form_entry (end_uk ? end_uk : "", _ ("DD/MM/YYYY")));

  if (group_id == 0)
    {
      g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
      const CrTemplate *templates;
      GtkWidget        *dropdown;
      guint             n, selected = 0;

      templates = cr_templates_get (&n);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *label = g_strdup_printf (
              "%s — %s", _ (templates[i].name), _ (templates[i].description));

          gtk_string_list_append (names, label);
          if (g_strcmp0 (template_id, templates[i].id) == 0)
            selected = i;
        }
      dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
      cr_form_add (dialog, "template", _ ("Terms of reference to start from"),
                   dropdown);
      g_object_set_data (G_OBJECT (dialog), "template", dropdown);
    }

  g_signal_connect_data (dialog, "response", G_CALLBACK (form_response), form,
                         form_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * cr_group_dialog_present:
 * @near: a widget of the window to show it over
 * @group_id: the group to edit, or 0 for a new one
 * @done: (nullable): called with the group's id once saved
 *
 * Returns: (transfer none): the dialog, shown
 */
AdwMessageDialog *
cr_group_dialog_present (GtkWidget        *near,
                         CrStore          *store,
                         gint64            group_id,
                         CrGroupDialogDone done,
                         gpointer          user_data)
{
  g_autoptr (CrGroupInfo) info = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (near), NULL);
  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  if (group_id != 0)
    {
      g_autoptr (GError) error = NULL;

      info = cr_store_get_group_info (store, group_id, &error);
      if (info == NULL)
        {
          cr_form_show_problem (near, _ ("The Group Can’t Be Edited"),
                                error->message);
          return NULL;
        }
    }
  return present (near, store, group_id, info, NULL, done, user_data);
}
