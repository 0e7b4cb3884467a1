/* cr-person.c: one person the association knows about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-core"

#include "config.h"

#include "cr-person.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _CrPerson
{
  GObject         parent_instance;

  gint64          id;
  char           *given_name;
  char           *family_name;
  char           *name;
  char           *sort_name;
  char           *address;
  char           *block;
  char           *postcode;
  char           *phone;
  char           *email;
  char           *consent_date;
  char           *conduct_signed_on;
  char           *notes;
  char           *joined;
  char           *sanction;
  char           *roles;
  CrTenure        tenure;
  CrPersonStatus  status;
  guint           consent_to_contact : 1;
};

G_DEFINE_FINAL_TYPE (CrPerson, cr_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_GIVEN_NAME,
  PROP_FAMILY_NAME,
  PROP_NAME,
  PROP_SORT_NAME,
  PROP_ADDRESS,
  PROP_POSTCODE,
  PROP_EMAIL,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cr_person_finalize (GObject *object)
{
  CrPerson *self = (CrPerson *) object;

  g_free (self->given_name);
  g_free (self->family_name);
  g_free (self->name);
  g_free (self->sort_name);
  g_free (self->address);
  g_free (self->block);
  g_free (self->postcode);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->consent_date);
  g_free (self->conduct_signed_on);
  g_free (self->notes);
  g_free (self->joined);
  g_free (self->sanction);
  g_free (self->roles);

  G_OBJECT_CLASS (cr_person_parent_class)->finalize (object);
}

static void
cr_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CrPerson *self = CR_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_GIVEN_NAME:
      g_value_set_string (value, cr_person_get_given_name (self));
      break;
    case PROP_FAMILY_NAME:
      g_value_set_string (value, cr_person_get_family_name (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, cr_person_get_name (self));
      break;
    case PROP_SORT_NAME:
      g_value_set_string (value, cr_person_get_sort_name (self));
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, cr_person_get_address (self));
      break;
    case PROP_POSTCODE:
      g_value_set_string (value, cr_person_get_postcode (self));
      break;
    case PROP_EMAIL:
      g_value_set_string (value, cr_person_get_email (self));
      break;
    case PROP_STATUS:
      g_value_set_string (value, cr_person_status_get_label (self->status));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_person_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CrPerson *self = CR_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      cr_person_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_GIVEN_NAME:
      cr_person_set_given_name (self, g_value_get_string (value));
      break;
    case PROP_FAMILY_NAME:
      cr_person_set_family_name (self, g_value_get_string (value));
      break;
    case PROP_ADDRESS:
      cr_person_set_address (self, g_value_get_string (value));
      break;
    case PROP_POSTCODE:
      cr_person_set_postcode (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      cr_person_set_email (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_person_class_init (CrPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                   G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cr_person_finalize;
  object_class->get_property = cr_person_get_property;
  object_class->set_property = cr_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_GIVEN_NAME] =
    g_param_spec_string ("given-name", NULL, NULL, "", rw);
  properties[PROP_FAMILY_NAME] =
    g_param_spec_string ("family-name", NULL, NULL, "", rw);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", ro);
  properties[PROP_SORT_NAME] =
    g_param_spec_string ("sort-name", NULL, NULL, "", ro);
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, "", rw);
  properties[PROP_POSTCODE] =
    g_param_spec_string ("postcode", NULL, NULL, "", rw);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, "", rw);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, "", ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cr_person_init (CrPerson *self)
{
}

/**
 * cr_person_new:
 *
 * Returns: (transfer full): a new, empty person not yet in any file
 */
CrPerson *
cr_person_new (void)
{
  return g_object_new (CR_TYPE_PERSON, NULL);
}

/* Sets *field to a copy of value (NULL kept as NULL, surrounding white space
 * trimmed) and returns whether it changed. */
static gboolean
set_string (char       **field,
            const char  *value)
{
  g_autofree char *copy = NULL;

  if (value != NULL)
    copy = g_strstrip (g_strdup (value));
  if (copy != NULL && *copy == '\0')
    g_clear_pointer (&copy, g_free);

  if (g_strcmp0 (*field, copy) == 0)
    return FALSE;

  g_free (*field);
  *field = g_steal_pointer (&copy);
  return TRUE;
}

static void
names_changed (CrPerson *self)
{
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->sort_name, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_NAME]);
}

gint64
cr_person_get_id (CrPerson *self)
{
  g_return_val_if_fail (CR_IS_PERSON (self), 0);
  return self->id;
}

void
cr_person_set_id (CrPerson *self,
                  gint64    id)
{
  g_return_if_fail (CR_IS_PERSON (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
cr_person_get_given_name (CrPerson *self)
{
  g_return_val_if_fail (CR_IS_PERSON (self), NULL);
  return self->given_name ? self->given_name : "";
}

void
cr_person_set_given_name (CrPerson   *self,
                          const char *given_name)
{
  g_return_if_fail (CR_IS_PERSON (self));

  if (!set_string (&self->given_name, given_name))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GIVEN_NAME]);
  names_changed (self);
}

const char *
cr_person_get_family_name (CrPerson *self)
{
  g_return_val_if_fail (CR_IS_PERSON (self), NULL);
  return self->family_name ? self->family_name : "";
}

void
cr_person_set_family_name (CrPerson   *self,
                           const char *family_name)
{
  g_return_if_fail (CR_IS_PERSON (self));

  if (!set_string (&self->family_name, family_name))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY_NAME]);
  names_changed (self);
}

/**
 * cr_person_get_name:
 *
 * The name as it is spoken: "Given Family", or whichever part is known.
 *
 * Returns: (transfer none): the display name, never %NULL
 */
const char *
cr_person_get_name (CrPerson *self)
{
  g_return_val_if_fail (CR_IS_PERSON (self), NULL);

  if (self->name == NULL)
    {
      if (self->given_name != NULL && self->family_name != NULL)
        self->name = g_strdup_printf ("%s %s", self->given_name,
                                      self->family_name);
      else
        self->name = g_strdup (self->given_name ? self->given_name
                                                : self->family_name ? self->family_name
                                                                    : "");
    }
  return self->name;
}

/**
 * cr_person_get_sort_name:
 *
 * The name as a register lists it: "Family, Given".
 *
 * Returns: (transfer none): the sort name, never %NULL
 */
const char *
cr_person_get_sort_name (CrPerson *self)
{
  g_return_val_if_fail (CR_IS_PERSON (self), NULL);

  if (self->sort_name == NULL)
    {
      if (self->given_name != NULL && self->family_name != NULL)
        self->sort_name = g_strdup_printf ("%s, %s", self->family_name,
                                           self->given_name);
      else
        self->sort_name = g_strdup (cr_person_get_name (self));
    }
  return self->sort_name;
}

#define STRING_ACCESSORS(field, prop)                                     \
  const char *cr_person_get_##field (CrPerson *self)                      \
  {                                                                       \
    g_return_val_if_fail (CR_IS_PERSON (self), NULL);                     \
    return self->field ? self->field : "";                                \
  }                                                                       \
  void cr_person_set_##field (CrPerson *self, const char *value)          \
  {                                                                       \
    g_return_if_fail (CR_IS_PERSON (self));                               \
    if (set_string (&self->field, value) && (prop) != PROP_0)             \
      g_object_notify_by_pspec (G_OBJECT (self), properties[(prop)]);     \
  }

STRING_ACCESSORS (address, PROP_ADDRESS)
STRING_ACCESSORS (block, PROP_0)
STRING_ACCESSORS (postcode, PROP_POSTCODE)
STRING_ACCESSORS (phone, PROP_0)
STRING_ACCESSORS (email, PROP_EMAIL)
STRING_ACCESSORS (conduct_signed_on, PROP_0)
STRING_ACCESSORS (notes, PROP_0)

#undef STRING_ACCESSORS

CrTenure
cr_person_get_tenure (CrPerson *self)
{
  g_return_val_if_fail (CR_IS_PERSON (self), CR_TENURE_UNKNOWN);
  return self->tenure;
}

void
cr_person_set_tenure (CrPerson *self,
                      CrTenure  tenure)
{
  g_return_if_fail (CR_IS_PERSON (self));
  g_return_if_fail (tenure <= CR_TENURE_OTHER);
  self->tenure = tenure;
}

gboolean
cr_person_get_consent_to_contact (CrPerson *self)
{
  g_return_val_if_fail (CR_IS_PERSON (self), FALSE);
  return self->consent_to_contact;
}

const char *
cr_person_get_consent_date (CrPerson *self)
{
  g_return_val_if_fail (CR_IS_PERSON (self), NULL);
  return self->consent_date ? self->consent_date : "";
}

/**
 * cr_person_set_consent:
 * @consent: whether the person agreed to be contacted
 * @date: (nullable): the ISO date they said so
 */
void
cr_person_set_consent (CrPerson   *self,
                       gboolean    consent,
                       const char *date)
{
  g_return_if_fail (CR_IS_PERSON (self));
  self->consent_to_contact = !!consent;
  set_string (&self->consent_date, date);
}

CrPersonStatus
cr_person_get_status (CrPerson *self)
{
  g_return_val_if_fail (CR_IS_PERSON (self), CR_PERSON_STATUS_NONE);
  return self->status;
}

const char *
cr_person_get_joined (CrPerson *self)
{
  g_return_val_if_fail (CR_IS_PERSON (self), NULL);
  return self->joined ? self->joined : "";
}

/* For the store only: what it derived from the person's memberships. */
void
_cr_person_set_derived (CrPerson       *self,
                        CrPersonStatus  status,
                        const char     *joined)
{
  g_return_if_fail (CR_IS_PERSON (self));

  set_string (&self->joined, joined);
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

static const char *const tenure_strings[] = {
  [CR_TENURE_UNKNOWN] = "",
  [CR_TENURE_TENANT] = "tenant",
  [CR_TENURE_LEASEHOLDER] = "leaseholder",
  [CR_TENURE_OTHER] = "other",
};

/**
 * cr_tenure_to_string:
 *
 * Returns: (transfer none): the word the file and the command line use
 */
const char *
cr_tenure_to_string (CrTenure tenure)
{
  g_return_val_if_fail (tenure <= CR_TENURE_OTHER, "");
  return tenure_strings[tenure];
}

/**
 * cr_tenure_from_string:
 * @str: a word as a spreadsheet might have it ("Tenant", "leaseholder", "")
 * @tenure: (out): where to put the tenure
 *
 * Returns: %TRUE if @str names a tenure (an empty one is unknown)
 */
gboolean
cr_tenure_from_string (const char *str,
                       CrTenure   *tenure)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (tenure != NULL, FALSE);

  if (str == NULL)
    {
      *tenure = CR_TENURE_UNKNOWN;
      return TRUE;
    }

  folded = g_strstrip (g_ascii_strdown (str, -1));
  if (*folded == '\0' || g_str_equal (folded, "unknown"))
    *tenure = CR_TENURE_UNKNOWN;
  else if (g_str_has_prefix (folded, "tenant") ||
           g_str_equal (folded, "council tenant") ||
           g_str_equal (folded, "secure tenant"))
    *tenure = CR_TENURE_TENANT;
  else if (g_str_has_prefix (folded, "leaseholder") ||
           g_str_equal (folded, "lessee") ||
           g_str_equal (folded, "shared owner"))
    *tenure = CR_TENURE_LEASEHOLDER;
  else if (g_str_equal (folded, "other") || g_str_equal (folded, "resident"))
    *tenure = CR_TENURE_OTHER;
  else
    return FALSE;

  return TRUE;
}

/**
 * cr_tenure_get_label:
 *
 * Returns: (transfer none): the translated word to show a person
 */
const char *
cr_tenure_get_label (CrTenure tenure)
{
  switch (tenure)
    {
    case CR_TENURE_TENANT:
      return _("Tenant");
    case CR_TENURE_LEASEHOLDER:
      return _("Leaseholder");
    case CR_TENURE_OTHER:
      return _("Other");
    case CR_TENURE_UNKNOWN:
    default:
      return "";
    }
}

const char *
cr_person_status_to_string (CrPersonStatus status)
{
  switch (status)
    {
    case CR_PERSON_STATUS_CURRENT:
      return "current";
    case CR_PERSON_STATUS_FORMER:
      return "former";
    case CR_PERSON_STATUS_NONE:
    default:
      return "none";
    }
}

const char *
cr_person_status_get_label (CrPersonStatus status)
{
  switch (status)
    {
    case CR_PERSON_STATUS_CURRENT:
      return _("Member");
    case CR_PERSON_STATUS_FORMER:
      return _("Former member");
    case CR_PERSON_STATUS_NONE:
    default:
      return _("Not a member");
    }
}

/**
 * cr_search_fold:
 * @text: (nullable): any text
 *
 * Folds @text for matching as people type: lower case, accents dropped
 * ("Seán" → "sean", "Ó Súilleabháin" → "o suilleabhain"), every run of
 * spaces or line breaks made one space. A query and the text it searches
 * are both folded, so neither needs to be typed exactly.
 *
 * Returns: (transfer full): the folded text, never %NULL
 */
char *
cr_search_fold (const char *text)
{
  g_autofree char *ascii = NULL;
  GString *out;
  gboolean space = TRUE;

  if (text == NULL)
    return g_strdup ("");

  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      {
        ascii = g_str_to_ascii (text, "C");
        text = ascii;
        break;
      }

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (!space)
            g_string_append_c (out, ' ');
          space = TRUE;
          continue;
        }
      g_string_append_c (out, g_ascii_tolower (*p));
      space = FALSE;
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/**
 * cr_person_dup_search_text:
 *
 * What the register's search looks through: name, address, block,
 * postcode (with and without its space) and email, folded.
 *
 * Returns: (transfer full): the text
 */
char *
cr_person_dup_search_text (CrPerson *self)
{
  g_autofree char *joined = NULL;
  g_autofree char *postcode = NULL;
  GString *tight;

  g_return_val_if_fail (CR_IS_PERSON (self), NULL);

  /* The postcode once more without its space, so "av34dd" finds it. */
  tight = g_string_new (NULL);
  for (const char *p = self->postcode ? self->postcode : ""; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (tight, *p);
  postcode = g_string_free (g_steal_pointer (&tight), FALSE);

  joined = g_strjoin ("\n", self->given_name ? self->given_name : "",
                      self->family_name ? self->family_name : "",
                      self->address ? self->address : "",
                      self->block ? self->block : "",
                      self->postcode ? self->postcode : "",
                      postcode,
                      self->email ? self->email : "",
                      NULL);
  return cr_search_fold (joined);
}

/**
 * cr_person_dup_household_key:
 *
 * A key that two people at one address share, for groups that admit one
 * member a household: the address's letters and digits, folded, and the
 * postcode without spaces. "Flat 3, Birch House" and "flat 3 birch house"
 * give the same key.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL without an address
 */
char *
cr_person_dup_household_key (CrPerson *self)
{
  g_autofree char *address = NULL;
  g_autofree char *postcode = NULL;
  GString *key;

  g_return_val_if_fail (CR_IS_PERSON (self), NULL);

  if (self->address == NULL || *self->address == '\0')
    return NULL;

  address = cr_search_fold (self->address);
  postcode = cr_search_fold (self->postcode);
  key = g_string_new (NULL);
  for (const char *p = address; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (key, *p);
  g_string_append_c (key, '|');
  for (const char *p = postcode; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (key, *p);
  return g_string_free (key, FALSE);
}

/**
 * cr_person_get_sanction:
 *
 * Returns: (nullable): "suspension" or "exclusion" if the person is barred
 *   on the day the store read them for, else %NULL
 */
const char *
cr_person_get_sanction (CrPerson *self)
{
  g_return_val_if_fail (CR_IS_PERSON (self), NULL);
  return self->sanction;
}

void
_cr_person_set_sanction (CrPerson   *self,
                         const char *sanction)
{
  g_return_if_fail (CR_IS_PERSON (self));
  g_free (self->sanction);
  self->sanction = (sanction && *sanction) ? g_strdup (sanction) : NULL;
}

/**
 * cr_person_get_roles:
 *
 * Returns: (nullable): the offices and groups the person holds and is in
 *   on the day the store read them for ("Chair; Estate Panel"), or %NULL
 */
const char *
cr_person_get_roles (CrPerson *self)
{
  g_return_val_if_fail (CR_IS_PERSON (self), NULL);
  return self->roles;
}

void
_cr_person_set_roles (CrPerson   *self,
                      const char *roles)
{
  g_return_if_fail (CR_IS_PERSON (self));
  g_free (self->roles);
  self->roles = (roles && *roles) ? g_strdup (roles) : NULL;
}
