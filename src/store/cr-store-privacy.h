/* cr-store-privacy.h: everything held about one person; consent and
 * retention
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

/* The rows of one table that concern a person, as the file holds them. */
typedef struct
{
  char      *table;   /* "people", "memberships", … */
  char      *via;     /* the column that points at the person */
  GPtrArray *columns; /* (element-type utf8): every column of the table */
  GPtrArray *rows;    /* (element-type GPtrArray): each a row of texts,
                       * one a column, NULL where the file holds nothing */
} CrSubjectTable;

void  cr_subject_table_free (CrSubjectTable *table);
char *cr_subject_table_get_title (const char *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrSubjectTable, cr_subject_table_free)

GPtrArray *
cr_store_subject_access (CrStore *self, gint64 person_id, GError **error);

/* What a person agreed to. */
typedef enum
{
  CR_CONSENT_CONTACT = 0, /* to be contacted, by any means */
  CR_CONSENT_CONTACT_POST,
  CR_CONSENT_CONTACT_PHONE,
  CR_CONSENT_CONTACT_EMAIL,
  CR_CONSENT_PHOTOS,
  CR_CONSENT_SHARE_LANDLORD, /* details shared with the landlord */
  CR_CONSENT_NEWSLETTER,
  CR_CONSENT_N_PURPOSES
} CrConsentPurpose;

/* How they agreed. */
typedef enum
{
  CR_CONSENT_BY_FORM = 0,
  CR_CONSENT_BY_EMAIL,
  CR_CONSENT_BY_VERBAL,
  CR_CONSENT_BY_ONLINE,
  CR_CONSENT_BY_UNKNOWN, /* recorded before the method was kept */
  CR_CONSENT_N_METHODS
} CrConsentMethod;

typedef struct
{
  gint64           id;
  gint64           person_id;
  CrConsentPurpose purpose;
  CrConsentMethod  method;
  char            *given_on;     /* ISO, or NULL if not known */
  char            *withdrawn_on; /* ISO, or NULL while in force */
  char            *notes;
} CrConsent;

void cr_consent_free (CrConsent *consent);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrConsent, cr_consent_free)

const char *cr_consent_purpose_to_string (CrConsentPurpose purpose);
const char *cr_consent_purpose_get_label (CrConsentPurpose purpose);
const char *cr_consent_method_to_string (CrConsentMethod method);
const char *cr_consent_method_get_label (CrConsentMethod method);

GPtrArray *
cr_store_list_consents (CrStore *self, gint64 person_id, GError **error);
gint64
cr_store_add_consent (CrStore *self, const CrConsent *consent, GError **error);
gboolean cr_store_withdraw_consent (CrStore    *self,
                                    gint64      consent_id,
                                    const char *on_date,
                                    GError    **error);
guint    cr_store_withdraw_purpose (CrStore         *self,
                                    gint64           person_id,
                                    CrConsentPurpose purpose,
                                    const char      *on_date,
                                    GError         **error);
gboolean cr_consent_purpose_from_string (const char       *text,
                                         CrConsentPurpose *purpose);
gboolean cr_consent_method_from_string (const char      *text,
                                        CrConsentMethod *method);

/* The purposes in force, as bits (1 << CrConsentPurpose). */
#define CR_CONSENT_BIT(purpose) (1u << (purpose))

GHashTable *
cr_store_consents_in_force (CrStore *self, const char *on_date, GError **error);
guint    cr_consents_lookup (GHashTable *in_force, gint64 person_id);
gboolean cr_consents_allow (guint bits, CrConsentPurpose purpose);
gboolean cr_consents_allow_phone (guint bits);
gboolean cr_consents_allow_email (guint bits);

/* What erasing a person keeps and removes, for the confirmation. */
typedef struct
{
  char *name;           /* as they are called now */
  char *former_name;    /* "Former member #N", as they will be */
  guint memberships;    /* kept */
  guint offices;        /* kept */
  guint attendance;     /* kept: marks at meetings */
  guint consents;       /* kept: what they agreed to, and when */
  guint interests;      /* removed: declarations of interest */
  guint contact_fields; /* removed: address, block, postcode, phone,
                         * email and notes that hold something */
} CrEraseSummary;

void cr_erase_summary_free (CrEraseSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrEraseSummary, cr_erase_summary_free)
CrEraseSummary *
cr_store_get_erase_summary (CrStore *self, gint64 person_id, GError **error);

gboolean cr_demo_fill_privacy (CrStore     *store,
                               GRand       *rand,
                               const GDate *today,
                               GError     **error);

gboolean cr_store_check_privacy (CrStore    *self,
                                 gint64      group_id,
                                 const char *on_date,
                                 GPtrArray  *items,
                                 GError    **error);

G_END_DECLS
