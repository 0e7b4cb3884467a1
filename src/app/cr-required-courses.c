/* cr-required-courses.c: the courses each role requires, set in a window
 *
 * Opened by "Required Courses…" on the Training page. One section a role:
 * each office (the usual officers and any other title the file knows) and
 * each kind of membership, with the courses it requires, a button to
 * remove one, and a row to add one, for every group or only one. The same
 * store calls as `commonroom-cli training require [--remove]`, so the
 * rules check and each person's training record follow at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-required-courses.h"

#include "cr-date.h"
#include "cr-form.h"
#include "cr-group.h"
#include "cr-store-people.h"
#include "cr-store-training.h"

#include <glib/gi18n.h>

struct _CrRequiredCourses
{
  AdwWindow parent_instance;

  CrStore *store;
  GArray  *course_ids; /* gint64, as in every course drop-down */
  GArray  *group_ids;  /* gint64, as in every scope drop-down after
                        * "every group" */
  GtkBox *sections;
};

G_DEFINE_FINAL_TYPE (CrRequiredCourses, cr_required_courses, ADW_TYPE_WINDOW)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Kinds of membership, as the file and `training require --membership`
 * name them. */
static const char *const membership_kinds[] = {
  "voting", "co-optee", "associate", "deputy", "officer-support",
};

static void fill (CrRequiredCourses *self);

static void
changed (CrRequiredCourses *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
  fill (self);
}

static void
remove_clicked (GtkButton *button, CrRequiredCourses *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "requirement-id");
  g_autoptr (GError) error = NULL;

  if (!cr_store_remove_requirement (self->store, *id, &error))
    {
      cr_form_show_problem (GTK_WIDGET (self), _ ("Not Removed"),
                            error->message);
      return;
    }
  changed (self);
}

static void
add_clicked (GtkButton *button, CrRequiredCourses *self)
{
  GtkDropDown *course = g_object_get_data (G_OBJECT (button), "course");
  GtkDropDown *scope = g_object_get_data (G_OBJECT (button), "scope");
  const char  *role = g_object_get_data (G_OBJECT (button), "role");
  CrRoleKind   kind =
      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "role-kind"));
  guint  c = gtk_drop_down_get_selected (course);
  guint  s = gtk_drop_down_get_selected (scope);
  gint64 group_id;
  g_autoptr (GError) error = NULL;

  if (c >= self->course_ids->len)
    return;
  /* The first choice is every group; then the groups in order. */
  group_id = s > 0 && s - 1 < self->group_ids->len
                 ? g_array_index (self->group_ids, gint64, s - 1)
                 : 0;
  if (cr_store_add_requirement (self->store,
                                g_array_index (self->course_ids, gint64, c),
                                group_id, kind, role, 0, &error) == 0)
    {
      cr_form_show_problem (GTK_WIDGET (self), _ ("Not Added"), error->message);
      return;
    }
  changed (self);
}

static GtkWidget *
requirement_row (CrRequiredCourses         *self,
                 const CrCourseRequirement *q,
                 const char                *role_label)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *remove;
  g_autofree char *where =
      q->group_name != NULL ? g_strdup_printf (_ ("Only in %s"), q->group_name)
                            : g_strdup (_ ("In every group"));
  g_autofree char *subtitle =
      q->renew_months > 0
          ? g_strdup_printf (g_dngettext (NULL, "%s · redone every %u month",
                                          "%s · redone every %u months",
                                          q->renew_months),
                             where, q->renew_months)
          : g_strdup (where);
  g_autofree char *label =
      g_strdup_printf (_ ("Remove “%s” for %s"), q->course_title, role_label);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), q->course_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_sensitive (remove, cr_store_is_writable (self->store));
  g_object_set_data_full (G_OBJECT (remove), "requirement-id",
                          g_memdup2 (&q->id, sizeof (gint64)), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked), self,
                           0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

/* The last row of a role's section: a course, where, and Add. */
static GtkWidget *
add_row (CrRequiredCourses *self,
         CrRoleKind         kind,
         const char        *role,
         const char        *role_label,
         const char *const *course_titles,
         const char *const *scopes)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget       *course = gtk_drop_down_new_from_strings (course_titles);
  GtkWidget       *scope = gtk_drop_down_new_from_strings (scopes);
  GtkWidget       *add = gtk_button_new_with_mnemonic (_ ("_Add"));
  g_autofree char *course_label =
      g_strdup_printf (_ ("Course for %s"), role_label);
  g_autofree char *scope_label =
      g_strdup_printf (_ ("Where %s needs it"), role_label);
  g_autofree char *add_label =
      g_strdup_printf (_ ("Add the course for %s"), role_label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 _ ("Require a course"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (course), TRUE);
  gtk_accessible_update_property (
      GTK_ACCESSIBLE (course), GTK_ACCESSIBLE_PROPERTY_LABEL, course_label, -1);
  gtk_accessible_update_property (
      GTK_ACCESSIBLE (scope), GTK_ACCESSIBLE_PROPERTY_LABEL, scope_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  gtk_widget_set_tooltip_text (add, add_label);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), course);
  gtk_box_append (GTK_BOX (box), scope);
  gtk_box_append (GTK_BOX (box), add);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  gtk_widget_set_sensitive (box, cr_store_is_writable (self->store));

  g_object_set_data (G_OBJECT (add), "course", course);
  g_object_set_data (G_OBJECT (add), "scope", scope);
  g_object_set_data_full (G_OBJECT (add), "role", g_strdup (role), g_free);
  g_object_set_data (G_OBJECT (add), "role-kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_clicked), self, 0);
  return row;
}

static void
add_section (CrRequiredCourses *self,
             CrRoleKind         kind,
             const char        *role,
             GPtrArray         *requirements,
             const char *const *course_titles,
             const char *const *scopes)
{
  const char *label = cr_role_get_label (kind, role);
  GtkWidget  *group = adw_preferences_group_new ();
  GtkWidget  *list = gtk_list_box_new ();
  guint       n = 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), label);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < requirements->len; i++)
    {
      CrCourseRequirement *q = g_ptr_array_index (requirements, i);

      g_autofree char *a = g_utf8_casefold (q->role, -1);
      g_autofree char *b = g_utf8_casefold (role, -1);

      /* Offices are matched without regard to case, as the check does. */
      if (q->role_kind != kind || g_strcmp0 (a, b) != 0)
        continue;
      gtk_list_box_append (GTK_LIST_BOX (list),
                           requirement_row (self, q, label));
      n++;
    }
  if (course_titles[0] != NULL)
    gtk_list_box_append (GTK_LIST_BOX (list), add_row (self, kind, role, label,
                                                       course_titles, scopes));
  else
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _ ("Add courses to the catalogue first"));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (group), n == 0 ? _ ("Requires no course.") : NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (self->sections, group);
}

static void
fill (CrRequiredCourses *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) requirements = NULL;
  g_autoptr (GPtrArray) courses = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GPtrArray) titles = NULL;
  g_autoptr (GPtrArray) course_titles = g_ptr_array_new ();
  g_autoptr (GPtrArray) scopes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *today = cr_date_today_iso ();
  GtkWidget       *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections))) !=
         NULL)
    gtk_box_remove (self->sections, child);
  g_array_set_size (self->course_ids, 0);
  g_array_set_size (self->group_ids, 0);

  requirements = cr_store_list_requirements (self->store, &error);
  if (requirements != NULL)
    courses = cr_store_list_courses (
        self->store, cr_store_get_association_group (self->store), today,
        &error);
  if (courses != NULL)
    groups = cr_store_list_groups (self->store, &error);
  if (groups != NULL)
    titles = cr_store_list_office_titles (self->store, &error);
  if (titles == NULL)
    {
      GtkWidget *label = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (self->sections, label);
      return;
    }

  for (guint i = 0; i < courses->len; i++)
    {
      CrCourse *c = g_ptr_array_index (courses, i);

      g_ptr_array_add (course_titles, c->title);
      g_array_append_val (self->course_ids, c->id);
    }
  g_ptr_array_add (course_titles, NULL);
  g_ptr_array_add (scopes, g_strdup (_ ("In every group")));
  for (guint i = 0; i < groups->len; i++)
    {
      CrGroup *g = g_ptr_array_index (groups, i);
      gint64   id = cr_group_get_id (g);

      g_ptr_array_add (
          scopes, g_strdup_printf (_ ("Only in %s"), cr_group_get_name (g)));
      g_array_append_val (self->group_ids, id);
    }
  g_ptr_array_add (scopes, NULL);

  for (guint i = 0; i < titles->len; i++)
    add_section (self, CR_ROLE_OFFICE, g_ptr_array_index (titles, i),
                 requirements, (const char *const *) course_titles->pdata,
                 (const char *const *) scopes->pdata);
  for (guint i = 0; i < G_N_ELEMENTS (membership_kinds); i++)
    add_section (self, CR_ROLE_MEMBERSHIP, membership_kinds[i], requirements,
                 (const char *const *) course_titles->pdata,
                 (const char *const *) scopes->pdata);
}

static void
cr_required_courses_dispose (GObject *object)
{
  CrRequiredCourses *self = CR_REQUIRED_COURSES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_REQUIRED_COURSES);
  g_clear_object (&self->store);
  g_clear_pointer (&self->course_ids, g_array_unref);
  g_clear_pointer (&self->group_ids, g_array_unref);
  G_OBJECT_CLASS (cr_required_courses_parent_class)->dispose (object);
}

static void
cr_required_courses_class_init (CrRequiredCoursesClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_required_courses_dispose;

  /**
   * CrRequiredCourses::changed:
   *
   * A requirement was added or removed.
   */
  signals[CHANGED] =
      g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/cr-required-courses.ui");
  gtk_widget_class_bind_template_child (widget_class, CrRequiredCourses,
                                        sections);
}

static void
cr_required_courses_init (CrRequiredCourses *self)
{
  self->course_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cr_required_courses_new:
 * @near: a widget of the window it belongs to
 * @store: the open file
 *
 * Returns: (transfer none): a new window, not yet shown, modal to @near's
 *   window
 */
CrRequiredCourses *
cr_required_courses_new (GtkWidget *near, CrStore *store)
{
  CrRequiredCourses *self;
  GtkRoot           *root;

  g_return_val_if_fail (GTK_IS_WIDGET (near), NULL);
  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  self = g_object_new (CR_TYPE_REQUIRED_COURSES, NULL);
  self->store = g_object_ref (store);
  root = gtk_widget_get_root (near);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  fill (self);
  return self;
}
