/* cr-members-page.c: the register of people
 *
 * The list is a CrPeopleModel: an array of row ids from the store that
 * builds each person only when a row scrolls into view, so a register of
 * 100,000 people costs no more to show than one of 30.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-members-page.h"

#include "cr-form.h"
#include "cr-group.h"
#include "cr-import-dialog.h"
#include "cr-report-members.h"
#include "cr-people-model.h"
#include "cr-person-editor.h"
#include "cr-person.h"

#include <glib/gi18n.h>
#include <string.h>

struct _CrMembersPage
{
  GtkWidget           parent_instance;

  CrStore            *store;
  CrPeopleModel      *model;
  GtkNoSelection     *selection;

  GListStore         *groups;
  int                 probed_column;

  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *group_dropdown;
};

G_DEFINE_FINAL_TYPE (CrMembersPage, cr_members_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
set_cell (GtkListItem *item,
          const char  *text)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  gtk_label_set_text (label, text != NULL ? text : "");
}

static void
bind_name (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  CrPerson *person = gtk_list_item_get_item (item);

  set_cell (item, cr_person_get_name (person));
}

static void
bind_address (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  CrPerson *person = gtk_list_item_get_item (item);

  set_cell (item, cr_person_get_address (person));
}

static void
bind_postcode (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  CrPerson *person = gtk_list_item_get_item (item);

  set_cell (item, cr_person_get_postcode (person));
}

static void
bind_tenure (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  CrPerson *person = gtk_list_item_get_item (item);

  set_cell (item, cr_tenure_get_label (cr_person_get_tenure (person)));
}

static void
bind_roles (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  CrPerson *person = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  set_cell (item, cr_person_get_roles (person));
  /* The whole list, for when the column is too narrow to show it. */
  gtk_widget_set_tooltip_text (label, cr_person_get_roles (person));
}

static void
bind_status (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  CrPerson *person = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  CrPersonStatus status = cr_person_get_status (person);
  const char *sanction = cr_person_get_sanction (person);

  gtk_widget_remove_css_class (label, "dim-label");
  gtk_widget_remove_css_class (label, "error");
  /* A barred person is marked wherever they are listed. */
  if (g_strcmp0 (sanction, "exclusion") == 0)
    {
      set_cell (item, _("Excluded"));
      gtk_widget_add_css_class (label, "error");
    }
  else if (g_strcmp0 (sanction, "suspension") == 0)
    {
      set_cell (item, _("Suspended"));
      gtk_widget_add_css_class (label, "error");
    }
  else
    {
      set_cell (item, cr_person_status_get_label (status));
      if (status != CR_PERSON_STATUS_CURRENT)
        gtk_widget_add_css_class (label, "dim-label");
    }
}

static void
bind_joined (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  CrPerson *person = gtk_list_item_get_item (item);
  const char *iso = cr_person_get_joined (person);
  g_autoptr (GDateTime) date = NULL;
  g_autofree char *uk = NULL;

  /* The file keeps ISO dates; people read them the UK way. */
  if (iso != NULL && strlen (iso) == 10)
    {
      g_autofree char *midnight = g_strconcat (iso, "T00:00:00Z", NULL);

      date = g_date_time_new_from_iso8601 (midnight, NULL);
    }
  if (date != NULL)
    uk = g_date_time_format (date, "%d/%m/%Y");
  set_cell (item, uk != NULL ? uk : iso);
}

static void
update_state (CrMembersPage *self)
{
  guint shown = 0, total = 0;

  if (self->stack == NULL)
    return;
  if (self->model != NULL)
    {
      shown = g_list_model_get_n_items (G_LIST_MODEL (self->model));
      total = cr_people_model_get_n_total (self->model);
    }

  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

static void
search_changed (CrMembersPage *self)
{
  if (self->model != NULL)
    cr_people_model_set_search (self->model,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
stop_search (CrMembersPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
status_changed (CrMembersPage *self)
{
  static const int statuses[] = {
    -1, CR_PERSON_STATUS_CURRENT, CR_PERSON_STATUS_FORMER, CR_PERSON_STATUS_NONE
  };
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  if (self->model != NULL && selected < G_N_ELEMENTS (statuses))
    cr_people_model_set_status_filter (self->model, statuses[selected]);
}

static void
group_changed (CrMembersPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrGroup) group = NULL;

  if (self->model == NULL)
    return;
  group = g_list_model_get_item (G_LIST_MODEL (self->groups),
                                 gtk_drop_down_get_selected (self->group_dropdown));
  if (!cr_people_model_set_group_filter (self->model,
                                         group ? cr_group_get_id (group) : 0,
                                         &error))
    g_warning ("Could not filter by group: %s", error->message);
}

/* GTK 4.8 can't say which column header was clicked. Each column's sorter
 * notes its column when asked to compare; asking the view's sorter to
 * compare two rows then tells which column leads and, by the sign of the
 * answer, in which direction. */
static int
column_compare (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  int *probe = g_object_get_data (G_OBJECT (user_data), "probe");

  *probe = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (user_data), "column"));
  return GTK_ORDERING_LARGER;
}

static void
sort_changed (GtkSorter       *sorter,
              GtkSorterChange  change,
              CrMembersPage   *self)
{
  g_autoptr (GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr (GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr (GError) error = NULL;
  GtkOrdering order;

  self->probed_column = -1;
  order = gtk_sorter_compare (sorter, a, b);
  if (self->model == NULL)
    return;
  if (self->probed_column < 0)
    cr_people_model_set_sort (self->model, CR_PERSON_SORT_NAME, FALSE, &error);
  else
    cr_people_model_set_sort (self->model, self->probed_column,
                              order == GTK_ORDERING_SMALLER, &error);
  if (error != NULL)
    g_warning ("Could not sort the register: %s", error->message);
}

static void
setup_sorting (CrMembersPage *self)
{
  /* The sort each column asks of the store, in the columns' order; -1 for
   * a column that can't be sorted. */
  static const int sorts[] = {
    CR_PERSON_SORT_NAME, CR_PERSON_SORT_ADDRESS, CR_PERSON_SORT_POSTCODE,
    CR_PERSON_SORT_TENURE, -1, CR_PERSON_SORT_STATUS, CR_PERSON_SORT_JOINED,
  };
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  g_assert (g_list_model_get_n_items (columns) == G_N_ELEMENTS (sorts));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr (GtkSorter) sorter = NULL;
      GtkCustomSorter *custom;

      if (sorts[i] < 0)
        continue;
      custom = gtk_custom_sorter_new (NULL, NULL, NULL);
      g_object_set_data (G_OBJECT (custom), "column", GINT_TO_POINTER (sorts[i]));
      g_object_set_data (G_OBJECT (custom), "probe", &self->probed_column);
      gtk_custom_sorter_set_sort_func (custom, column_compare, custom, NULL);
      sorter = GTK_SORTER (custom);
      gtk_column_view_column_set_sorter (column, sorter);
    }
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view),
                           "changed", G_CALLBACK (sort_changed), self, 0);
}

static void
load_groups (CrMembersPage *self)
{
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrGroup) all = cr_group_new (0, _("All groups"), "", 0);

  g_list_store_remove_all (self->groups);
  g_list_store_append (self->groups, all);
  if (self->store == NULL)
    return;

  groups = cr_store_list_groups (self->store, &error);
  if (groups == NULL)
    {
      g_warning ("Could not list groups: %s", error->message);
      return;
    }
  g_list_store_splice (self->groups, 1, 0, groups->pdata, groups->len);
  gtk_drop_down_set_selected (self->group_dropdown, 0);
}

static void
on_items_changed (GListModel    *model,
                  guint          position,
                  guint          removed,
                  guint          added,
                  CrMembersPage *self)
{
  update_state (self);
}

/* Editing */

static void
undo_clicked (AdwToast      *toast,
              CrMembersPage *self)
{
  CrPerson *before = g_object_get_data (G_OBJECT (toast), "before");
  g_autoptr (GError) error = NULL;

  if (self->store == NULL || before == NULL)
    return;
  if (!cr_store_update_person (self->store, before, &error) ||
      !cr_people_model_person_changed (self->model, cr_person_get_id (before),
                                       &error))
    g_warning ("Could not undo: %s", error->message);
}

static void
show_toast (CrMembersPage *self,
            AdwToast      *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self),
                                                ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
person_saved (CrPersonEditor *editor,
              gint64          id,
              CrPerson       *before,
              CrMembersPage  *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrPerson) now = NULL;
  gboolean added;

  if (self->model == NULL)
    return;

  added = cr_people_model_get_n_total (self->model) == 0 ||
          !cr_people_model_person_changed (self->model, id, &error);
  if (added || error != NULL)
    {
      g_clear_error (&error);
      if (!cr_people_model_reload (self->model, &error))
        g_warning ("Could not reread the register: %s", error->message);
    }
  update_state (self);

  now = cr_store_get_person (self->store, id, NULL, NULL);
  if (now != NULL && before != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Saved changes to %s"),
                                                cr_person_get_name (now));
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Undo"));
      g_object_set_data_full (G_OBJECT (toast), "before", g_object_ref (before),
                              g_object_unref);
      g_signal_connect_object (toast, "button-clicked",
                               G_CALLBACK (undo_clicked), self, 0);
      show_toast (self, toast);
    }
}

static void
open_editor (CrMembersPage *self,
             CrPerson      *person)
{
  CrPersonEditor *editor;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->store == NULL)
    return;
  editor = cr_person_editor_new (self->store, person);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (person_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (CR_MEMBERS_PAGE (widget), NULL);
}

static void
row_activated (GtkColumnView *view,
               guint          position,
               CrMembersPage *self)
{
  g_autoptr (CrPerson) listed = NULL;
  g_autoptr (CrPerson) person = NULL;
  g_autoptr (GError) error = NULL;

  if (self->model == NULL)
    return;
  listed = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (listed == NULL)
    return;
  /* Fresh from the file: the list's copy may predate another window's
   * edit. */
  person = cr_store_get_person (self->store, cr_person_get_id (listed), NULL,
                                &error);
  if (person == NULL)
    {
      g_warning ("Could not read person: %s", error->message);
      return;
    }
  open_editor (self, person);
}

static void
imported (CrImportDialog *dialog,
          guint           added,
          CrMembersPage  *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;

  if (self->model != NULL && !cr_people_model_reload (self->model, &error))
    g_warning ("Could not reread the register: %s", error->message);
  load_groups (self);
  update_state (self);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u person",
                                        "Added %u people", added),
                           added);
  show_toast (self, adw_toast_new (title));
}

/**
 * cr_members_page_import_file:
 * @path: a CSV file
 *
 * Opens the import preview for @path, or explains why the file can't be
 * read.
 *
 * Returns: (transfer none) (nullable): the preview dialog
 */
GtkWindow *
cr_members_page_import_file (CrMembersPage *self,
                             const char    *path)
{
  g_autoptr (GError) error = NULL;
  CrImportDialog *dialog;
  GtkRoot *root;

  g_return_val_if_fail (CR_IS_MEMBERS_PAGE (self), NULL);

  if (self->store == NULL)
    return NULL;
  dialog = cr_import_dialog_new (self->store, path, &error);
  if (dialog == NULL)
    {
      cr_form_show_problem (GTK_WIDGET (self), _("This File Can’t Be Imported"), error->message);
      return NULL;
    }
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
import_response (GtkNativeDialog *chooser,
                 int              response,
                 CrMembersPage   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        cr_members_page_import_file (self, path);
    }
  g_object_unref (chooser);
}

/**
 * cr_members_page_import:
 *
 * Asks for a CSV file, then shows what importing it would do.
 */
void
cr_members_page_import (CrMembersPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  g_return_if_fail (CR_IS_MEMBERS_PAGE (self));

  if (self->store == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Import Members"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Spreadsheets saved as CSV"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cr_members_page_import (CR_MEMBERS_PAGE (widget));
}

/**
 * cr_members_page_person_changed:
 * @person_id: someone changed elsewhere (erased from Needs Attention, say)
 *
 * Rereads that person's row of the register.
 */
void
cr_members_page_person_changed (CrMembersPage *self,
                                gint64         person_id)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (CR_IS_MEMBERS_PAGE (self));

  if (self->model == NULL)
    return;
  if (!cr_people_model_person_changed (self->model, person_id, &error))
    {
      g_clear_error (&error);
      if (!cr_people_model_reload (self->model, &error))
        g_warning ("Could not reread the register: %s", error->message);
    }
  update_state (self);
}

/**
 * cr_members_page_export_file:
 * @path: the workbook to write
 * @flags: contact details, or a register for the council
 *
 * Writes the membership register as the window's Export does, and says
 * how it went in a toast or a dialog.
 *
 * Returns: whether the workbook was written
 */
gboolean
cr_members_page_export_file (CrMembersPage        *self,
                             const char           *path,
                             CrMembersExportFlags  flags)
{
  CrMembersReportOptions options = {
    .council = (flags & CR_MEMBERS_EXPORT_COUNCIL) != 0,
    /* A register for the council never carries contact details. */
    .contact = (flags & CR_MEMBERS_EXPORT_CONTACT) != 0
               && (flags & CR_MEMBERS_EXPORT_COUNCIL) == 0,
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrGroup) group = NULL;

  g_return_val_if_fail (CR_IS_MEMBERS_PAGE (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  /* The group chosen in the filter is the one exported. */
  group = g_list_model_get_item (G_LIST_MODEL (self->groups),
                                 gtk_drop_down_get_selected (self->group_dropdown));
  options.group_id = group ? cr_group_get_id (group) : 0;

  if (!cr_report_members (self->store, path, &options, &error))
    {
      cr_form_show_problem (GTK_WIDGET (self), _("The Register Was Not Saved"), error->message);
      return FALSE;
    }
  {
    g_autofree char *base = g_filename_display_basename (path);
    g_autofree char *title = g_strdup_printf (_("Saved “%s”"), base);

    show_toast (self, adw_toast_new (title));
  }
  return TRUE;
}

static void
export_chosen (GtkNativeDialog *chooser,
               int              response,
               CrMembersPage   *self)
{
  CrMembersExportFlags flags =
      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "flags"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL && !g_str_has_suffix (path, ".xlsx"))
        {
          char *with = g_strconcat (path, ".xlsx", NULL);

          g_free (path);
          path = with;
        }
      if (path != NULL)
        cr_members_page_export_file (self, path, flags);
    }
  g_object_unref (chooser);
}

static void
export_response (AdwMessageDialog *dialog,
                 const char       *response,
                 CrMembersPage    *self)
{
  GtkSwitch *contact = g_object_get_data (G_OBJECT (dialog), "contact");
  GtkSwitch *council = g_object_get_data (G_OBJECT (dialog), "council");
  CrMembersExportFlags flags = CR_MEMBERS_EXPORT_PLAIN;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "export") || self->store == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save the Membership Register"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  /* Translators: the file name offered for the register; keep .xlsx */
  name = g_strdup_printf (_("%s membership register.xlsx"),
                          cr_store_get_association_name (self->store));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (gtk_switch_get_active (council))
    flags |= CR_MEMBERS_EXPORT_COUNCIL;
  else if (gtk_switch_get_active (contact))
    flags |= CR_MEMBERS_EXPORT_CONTACT;
  g_object_set_data (G_OBJECT (chooser), "flags", GINT_TO_POINTER (flags));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_chosen),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * cr_members_page_export:
 *
 * Asks whether contact details go in, then where to save the register.
 */
void
cr_members_page_export (CrMembersPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *row, *contact, *council, *list;

  g_return_if_fail (CR_IS_MEMBERS_PAGE (self));

  if (self->store == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Export the Membership Register"),
                                   _("An Excel workbook of everyone in the "
                                     "register, or of the group chosen in the "
                                     "filter, in the format councils ask for."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 _("Include phone numbers and emails"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Each only for those who agreed to be "
                                 "contacted that way"));
  contact = gtk_switch_new ();
  gtk_widget_set_valign (contact, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), contact);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), contact);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 _("For the council or landlord"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Only members who agreed to share their "
                                 "details are named; the others are counted "
                                 "without name or address"));
  council = gtk_switch_new ();
  gtk_widget_set_valign (council, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), council);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), council);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  /* Contact details never leave the association. */
  g_object_bind_property (council, "active", contact, "sensitive",
                          G_BINDING_INVERT_BOOLEAN | G_BINDING_SYNC_CREATE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  g_object_set_data (G_OBJECT (dialog), "contact", contact);
  g_object_set_data (G_OBJECT (dialog), "council", council);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cr_members_page_edit_person:
 * @person: (nullable): someone in the register, or %NULL for a new person
 *
 * Opens the person editor, as double-clicking a row or Add does.
 *
 * Returns: (transfer none): the editor
 */
GtkWindow *
cr_members_page_edit_person (CrMembersPage *self,
                             CrPerson      *person)
{
  GList *before, *after;
  GtkWindow *editor = NULL;

  g_return_val_if_fail (CR_IS_MEMBERS_PAGE (self), NULL);

  before = gtk_window_list_toplevels ();
  open_editor (self, person);
  after = gtk_window_list_toplevels ();
  for (GList *l = after; l != NULL; l = l->next)
    if (CR_IS_PERSON_EDITOR (l->data) && g_list_find (before, l->data) == NULL)
      editor = l->data;
  g_list_free (before);
  g_list_free (after);
  return editor;
}

static void
cr_members_page_dispose (GObject *object)
{
  CrMembersPage *self = CR_MEMBERS_PAGE (object);
  GtkWidget *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_MEMBERS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->groups);

  G_OBJECT_CLASS (cr_members_page_parent_class)->dispose (object);
}

static char *
get_subtitle (CrMembersPage *self)
{
  guint shown, total;

  if (self->model == NULL)
    return g_strdup ("");
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  total = cr_people_model_get_n_total (self->model);
  if (shown == total)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person",
                                         "%u people", total),
                            total);
  /* Translators: while searching: "12 of 312 people" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u person",
                                       "%u of %u people", total),
                          shown, total);
}

static void
cr_members_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrMembersPage *self = CR_MEMBERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SUBTITLE:
      g_value_take_string (value, get_subtitle (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_members_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CrMembersPage *self = CR_MEMBERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cr_members_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_members_page_class_init (CrMembersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_members_page_dispose;
  object_class->get_property = cr_members_page_get_property;
  object_class->set_property = cr_members_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  /* "312 people", for the header bar. */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cr-members-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrMembersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrMembersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CrMembersPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CrMembersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrMembersPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrMembersPage, group_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_install_action (widget_class, "members.add", NULL,
                                   add_action);
  gtk_widget_class_install_action (widget_class, "members.import", NULL,
                                   import_action);
  gtk_widget_class_bind_template_callback (widget_class, stop_search);
  gtk_widget_class_bind_template_callback (widget_class, status_changed);
  gtk_widget_class_bind_template_callback (widget_class, group_changed);
  gtk_widget_class_bind_template_callback (widget_class, setup_label);
  gtk_widget_class_bind_template_callback (widget_class, bind_name);
  gtk_widget_class_bind_template_callback (widget_class, bind_address);
  gtk_widget_class_bind_template_callback (widget_class, bind_postcode);
  gtk_widget_class_bind_template_callback (widget_class, bind_tenure);
  gtk_widget_class_bind_template_callback (widget_class, bind_roles);
  gtk_widget_class_bind_template_callback (widget_class, bind_status);
  gtk_widget_class_bind_template_callback (widget_class, bind_joined);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "crmemberspage");
}

static void
cr_members_page_init (CrMembersPage *self)
{
  g_autoptr (GtkExpression) name = NULL;

  self->probed_column = -1;
  self->groups = g_list_store_new (CR_TYPE_GROUP);

  gtk_widget_init_template (GTK_WIDGET (self));

  name = gtk_property_expression_new (CR_TYPE_GROUP, NULL, "name");
  gtk_drop_down_set_expression (self->group_dropdown, name);
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (self->groups));
  setup_sorting (self);
  load_groups (self);
}

/**
 * cr_members_page_new:
 *
 * Returns: (transfer floating): a page showing no file yet
 */
CrMembersPage *
cr_members_page_new (void)
{
  return g_object_new (CR_TYPE_MEMBERS_PAGE, NULL);
}

/**
 * cr_members_page_set_store:
 * @store: (nullable): the open file, or %NULL when it closes
 *
 * Shows the people of @store.
 */
void
cr_members_page_set_store (CrMembersPage *self,
                           CrStore       *store)
{
  cr_members_page_set_store_with_model (self, store, NULL);
}

/**
 * cr_members_page_set_store_with_model:
 * @store: (nullable): the open file, or %NULL when it closes
 * @model: (nullable): the register of @store, already read (in a worker
 *   thread, say); %NULL to read it here
 *
 * Shows the people of @store.
 */
void
cr_members_page_set_store_with_model (CrMembersPage *self,
                                      CrStore       *store,
                                      CrPeopleModel *model)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (CR_IS_MEMBERS_PAGE (self));
  g_return_if_fail (store == NULL || CR_IS_STORE (store));
  g_return_if_fail (model == NULL || cr_people_model_get_store (model) == store);

  if (self->store == store)
    return;

  gtk_column_view_set_model (self->column_view, NULL);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      if (model != NULL)
        self->model = g_object_ref (model);
      else
        {
          self->model = cr_people_model_new (store);
          if (!cr_people_model_reload (self->model, &error))
            g_warning ("Could not list people: %s", error->message);
        }
      g_signal_connect_object (self->model, "items-changed",
                               G_CALLBACK (on_items_changed), self, 0);
      /* A new file starts unfiltered. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->status_dropdown, 0);
      gtk_column_view_sort_by_column (self->column_view, NULL,
                                      GTK_SORT_ASCENDING);
      self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      gtk_column_view_set_model (self->column_view,
                                 GTK_SELECTION_MODEL (self->selection));
    }

  load_groups (self);
  update_state (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.add",
                                 store != NULL && cr_store_is_writable (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.import",
                                 store != NULL && cr_store_is_writable (store));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * cr_members_page_focus_search:
 *
 * Puts the cursor in the search entry, for Ctrl+F.
 */
void
cr_members_page_focus_search (CrMembersPage *self)
{
  g_return_if_fail (CR_IS_MEMBERS_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * cr_members_page_search:
 * @text: what to type in the search entry
 *
 * Searches as if @text had been typed, at once; for tests and for links
 * from other pages.
 */
void
cr_members_page_search (CrMembersPage *self,
                        const char    *text)
{
  g_return_if_fail (CR_IS_MEMBERS_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed (self);
}

/**
 * cr_members_page_get_model:
 *
 * Returns: (transfer none) (nullable): the people shown, for tests
 */
GListModel *
cr_members_page_get_model (CrMembersPage *self)
{
  g_return_val_if_fail (CR_IS_MEMBERS_PAGE (self), NULL);
  return self->model ? G_LIST_MODEL (self->model) : NULL;
}
