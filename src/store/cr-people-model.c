/* cr-people-model.c: the register as a GListModel of CrPerson
 *
 * The model reads, once, what search and filters need of everyone (id,
 * folded search text, status) into flat arrays, and builds a CrPerson only
 * when a view asks for that row. Typing in the search box then scans those
 * arrays in memory: a register of 100,000 filters in a few milliseconds,
 * where asking SQLite again for every keystroke would take tens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-people-model.h"

#include "cr-person.h"
#include "cr-store-people.h"

#include <string.h>

struct _CrPeopleModel
{
  GObject         parent_instance;

  CrStore        *store;

  /* Everyone, in register order ("base" positions). */
  GArray         *ids;        /* gint64 */
  GArray         *text_at;    /* guint offset into texts, per person */
  GString        *texts;      /* NUL-separated folded search texts */
  GByteArray     *status;     /* CrPersonStatus per person */
  GPtrArray      *people;     /* CrPerson or NULL, per person */
  GHashTable     *pos_of_id;  /* id → base position + 1 */

  /* How they are shown. */
  GArray         *order;      /* base positions in sort order, or NULL */
  CrPersonSort    sort;
  gboolean        descending;
  char          **words;      /* folded search words, or NULL */
  int             status_filter;  /* -1 for everyone */
  GHashTable     *group_ids;  /* ids in the chosen group, or NULL */
  gint64          group_id;

  GArray         *visible;    /* base positions shown, in order */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrPeopleModel, cr_people_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_N_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return CR_TYPE_PERSON;
}

static guint
get_n_items (GListModel *model)
{
  CrPeopleModel *self = CR_PEOPLE_MODEL (model);

  return self->visible->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  CrPeopleModel *self = CR_PEOPLE_MODEL (model);
  g_autoptr (GError) error = NULL;
  CrPerson *person;
  guint base;

  if (position >= self->visible->len)
    return NULL;

  base = g_array_index (self->visible, guint, position);
  person = g_ptr_array_index (self->people, base);
  if (person == NULL)
    {
      gint64 id = g_array_index (self->ids, gint64, base);

      person = cr_store_get_person (self->store, id, NULL, &error);
      if (person == NULL)
        {
          /* The row went away under us (another program erased it); show a
           * blank rather than break the view. */
          g_warning ("Could not read person %" G_GINT64_FORMAT ": %s", id,
                     error->message);
          person = cr_person_new ();
          cr_person_set_id (person, id);
        }
      g_ptr_array_index (self->people, base) = person;
    }

  return g_object_ref (person);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
cr_people_model_finalize (GObject *object)
{
  CrPeopleModel *self = (CrPeopleModel *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->text_at, g_array_unref);
  if (self->texts != NULL)
    g_string_free (self->texts, TRUE);
  g_clear_pointer (&self->status, g_byte_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->pos_of_id, g_hash_table_unref);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->group_ids, g_hash_table_unref);
  g_clear_pointer (&self->visible, g_array_unref);

  G_OBJECT_CLASS (cr_people_model_parent_class)->finalize (object);
}

static void
cr_people_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrPeopleModel *self = CR_PEOPLE_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->visible->len);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_people_model_class_init (CrPeopleModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cr_people_model_finalize;
  object_class->get_property = cr_people_model_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                       G_PARAM_EXPLICIT_NOTIFY);
  /* Everyone in the register, whatever the filters show. */
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                       G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* Rows not yet seen are NULL. */
static void
unref_if_built (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
cr_people_model_init (CrPeopleModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->text_at = g_array_new (FALSE, FALSE, sizeof (guint));
  self->texts = g_string_new (NULL);
  self->status = g_byte_array_new ();
  self->people = g_ptr_array_new_with_free_func (unref_if_built);
  self->pos_of_id = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                           g_free, NULL);
  self->visible = g_array_new (FALSE, FALSE, sizeof (guint));
  self->status_filter = -1;
}

/**
 * cr_people_model_new:
 * @store: the open association file
 *
 * A model of everyone in @store in register order. It is empty until
 * cr_people_model_reload() is called.
 *
 * Returns: (transfer full): the model
 */
CrPeopleModel *
cr_people_model_new (CrStore *store)
{
  CrPeopleModel *self;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  self = g_object_new (CR_TYPE_PEOPLE_MODEL, NULL);
  self->store = g_object_ref (store);
  return self;
}

/**
 * cr_people_model_get_store:
 *
 * Returns: (transfer none): the store the model reads
 */
CrStore *
cr_people_model_get_store (CrPeopleModel *self)
{
  g_return_val_if_fail (CR_IS_PEOPLE_MODEL (self), NULL);
  return self->store;
}

static gboolean
matches (CrPeopleModel *self,
         guint          base)
{
  if (self->status_filter >= 0 &&
      self->status->data[base] != (guint8) self->status_filter)
    return FALSE;

  if (self->group_ids != NULL &&
      !g_hash_table_contains (self->group_ids,
                              &g_array_index (self->ids, gint64, base)))
    return FALSE;

  if (self->words != NULL)
    {
      const char *text = self->texts->str +
                         g_array_index (self->text_at, guint, base);

      for (char **w = self->words; *w != NULL; w++)
        if (strstr (text, *w) == NULL)
          return FALSE;
    }
  return TRUE;
}

/* Works out which rows show, and tells the views in one signal. */
static void
refilter (CrPeopleModel *self)
{
  guint old_len = self->visible->len;
  guint n = self->ids->len;

  g_array_set_size (self->visible, 0);
  for (guint i = 0; i < n; i++)
    {
      guint base = self->order ? g_array_index (self->order, guint, i) : i;

      if (matches (self, base))
        g_array_append_val (self->visible, base);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len,
                              self->visible->len);
  if (old_len != self->visible->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean
add_brief (const CrPersonBrief *brief,
           gpointer             user_data)
{
  CrPeopleModel *self = user_data;
  guint offset = self->texts->len;
  guint8 status = brief->status;

  g_array_append_val (self->ids, brief->id);
  g_array_append_val (self->text_at, offset);
  g_string_append_len (self->texts, brief->search_text,
                       strlen (brief->search_text) + 1);
  g_byte_array_append (self->status, &status, 1);
  return TRUE;
}

static guint
base_of_id (CrPeopleModel *self,
            gint64         id)
{
  gpointer pos;

  if (g_hash_table_size (self->pos_of_id) == 0)
    for (guint i = 0; i < self->ids->len; i++)
      g_hash_table_insert (self->pos_of_id,
                           g_memdup2 (&g_array_index (self->ids, gint64, i),
                                      sizeof (gint64)),
                           GUINT_TO_POINTER (i + 1));
  pos = g_hash_table_lookup (self->pos_of_id, &id);
  return pos ? GPOINTER_TO_UINT (pos) - 1 : G_MAXUINT;
}

static gboolean
load_order (CrPeopleModel  *self,
            GError        **error)
{
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GArray) order = NULL;

  g_clear_pointer (&self->order, g_array_unref);
  if (self->sort == CR_PERSON_SORT_NAME && !self->descending)
    return TRUE;

  ids = cr_store_list_person_ids_sorted (self->store, self->sort,
                                         self->descending, NULL, error);
  if (ids == NULL)
    return FALSE;

  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      guint base = base_of_id (self, g_array_index (ids, gint64, i));

      if (base != G_MAXUINT)
        g_array_append_val (order, base);
    }
  self->order = g_steal_pointer (&order);
  return TRUE;
}

static gboolean
load_group (CrPeopleModel  *self,
            GError        **error)
{
  g_autoptr (GArray) ids = NULL;

  g_clear_pointer (&self->group_ids, g_hash_table_unref);
  if (self->group_id == 0)
    return TRUE;

  ids = cr_store_list_group_member_ids (self->store, self->group_id, NULL,
                                        error);
  if (ids == NULL)
    return FALSE;

  self->group_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                           g_free, NULL);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (self->group_ids,
                      g_memdup2 (&g_array_index (ids, gint64, i),
                                 sizeof (gint64)));
  return TRUE;
}

/**
 * cr_people_model_reload:
 *
 * Reads the register again, keeps the search, filters and sort, and tells
 * the views.
 */
gboolean
cr_people_model_reload (CrPeopleModel  *self,
                        GError        **error)
{
  guint old_total;

  g_return_val_if_fail (CR_IS_PEOPLE_MODEL (self), FALSE);

  old_total = self->ids->len;
  g_array_set_size (self->ids, 0);
  g_array_set_size (self->text_at, 0);
  g_string_truncate (self->texts, 0);
  g_byte_array_set_size (self->status, 0);
  g_hash_table_remove_all (self->pos_of_id);

  if (!cr_store_foreach_person_brief (self->store, 0, NULL, add_brief, self,
                                      error))
    {
      g_array_set_size (self->ids, 0);
      g_array_set_size (self->text_at, 0);
      g_string_truncate (self->texts, 0);
      g_byte_array_set_size (self->status, 0);
      g_ptr_array_set_size (self->people, 0);
      refilter (self);
      return FALSE;
    }

  g_ptr_array_set_size (self->people, 0);
  g_ptr_array_set_size (self->people, self->ids->len);

  if (!load_order (self, error) || !load_group (self, error))
    {
      refilter (self);
      return FALSE;
    }

  refilter (self);
  if (old_total != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
  return TRUE;
}

/**
 * cr_people_model_set_search:
 * @query: (nullable): what the user typed
 *
 * Shows only the people whose name, address, block, postcode or email
 * contain every word of @query, ignoring case and accents.
 */
void
cr_people_model_set_search (CrPeopleModel *self,
                            const char    *query)
{
  g_autofree char *folded = NULL;
  g_auto (GStrv) words = NULL;

  g_return_if_fail (CR_IS_PEOPLE_MODEL (self));

  folded = cr_search_fold (query);
  if (*folded != '\0')
    words = g_strsplit (folded, " ", -1);

  if (words == NULL && self->words == NULL)
    return;
  if (words != NULL && self->words != NULL &&
      g_strv_equal ((const char *const *) words,
                    (const char *const *) self->words))
    return;

  g_strfreev (self->words);
  self->words = g_steal_pointer (&words);
  refilter (self);
}

/**
 * cr_people_model_set_status_filter:
 * @status: the status to show, or -1 for everyone
 */
void
cr_people_model_set_status_filter (CrPeopleModel *self,
                                   int            status)
{
  g_return_if_fail (CR_IS_PEOPLE_MODEL (self));
  g_return_if_fail (status >= -1 && status <= CR_PERSON_STATUS_FORMER);

  if (self->status_filter == status)
    return;
  self->status_filter = status;
  refilter (self);
}

/**
 * cr_people_model_set_group_filter:
 * @group_id: show only this group's current members, or 0 for everyone
 */
gboolean
cr_people_model_set_group_filter (CrPeopleModel  *self,
                                  gint64          group_id,
                                  GError        **error)
{
  g_return_val_if_fail (CR_IS_PEOPLE_MODEL (self), FALSE);

  if (self->group_id == group_id)
    return TRUE;
  self->group_id = group_id;
  if (!load_group (self, error))
    {
      self->group_id = 0;
      return FALSE;
    }
  refilter (self);
  return TRUE;
}

/**
 * cr_people_model_set_sort:
 * @sort: the column to sort by
 * @descending: reversed
 */
gboolean
cr_people_model_set_sort (CrPeopleModel  *self,
                          CrPersonSort    sort,
                          gboolean        descending,
                          GError        **error)
{
  g_return_val_if_fail (CR_IS_PEOPLE_MODEL (self), FALSE);

  if (self->sort == sort && self->descending == !!descending)
    return TRUE;
  self->sort = sort;
  self->descending = !!descending;
  if (!load_order (self, error))
    {
      self->sort = CR_PERSON_SORT_NAME;
      self->descending = FALSE;
      refilter (self);
      return FALSE;
    }
  refilter (self);
  return TRUE;
}

static gboolean
update_brief (const CrPersonBrief *brief,
              gpointer             user_data)
{
  CrPeopleModel *self = user_data;
  guint base = base_of_id (self, brief->id);
  guint offset = self->texts->len;

  /* The old text stays in the buffer, unused, until the next reload: a
   * few bytes an edit. */
  g_string_append_len (self->texts, brief->search_text,
                       strlen (brief->search_text) + 1);
  g_array_index (self->text_at, guint, base) = offset;
  self->status->data[base] = brief->status;
  return FALSE;
}

/**
 * cr_people_model_person_changed:
 * @id: a person already in the register whose details were saved
 *
 * Reads that one person again and tells the views about their row only:
 * an edit doesn't cost a reload of the whole register. A person new to the
 * register needs cr_people_model_reload().
 */
gboolean
cr_people_model_person_changed (CrPeopleModel  *self,
                                gint64          id,
                                GError        **error)
{
  guint base;

  g_return_val_if_fail (CR_IS_PEOPLE_MODEL (self), FALSE);

  base = base_of_id (self, id);
  if (base == G_MAXUINT)
    return cr_people_model_reload (self, error);

  if (!cr_store_foreach_person_brief (self->store, id, NULL, update_brief,
                                      self, error))
    return FALSE;
  g_clear_object ((CrPerson **) &g_ptr_array_index (self->people, base));

  /* The row stays where it is until the next search or sort, so it does
   * not jump away from under the pointer of whoever just edited it. */
  for (guint i = 0; i < self->visible->len; i++)
    if (g_array_index (self->visible, guint, i) == base)
      {
        g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
        break;
      }
  return TRUE;
}

/**
 * cr_people_model_get_n_total:
 *
 * Returns: how many people are in the register, shown or not
 */
guint
cr_people_model_get_n_total (CrPeopleModel *self)
{
  g_return_val_if_fail (CR_IS_PEOPLE_MODEL (self), 0);
  return self->ids->len;
}
