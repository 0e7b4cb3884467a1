/* cr-csv.c: spreadsheets saved as CSV, read and written
 *
 * What volunteers hand us comes from Excel, LibreOffice, Google Sheets and
 * bank websites, so the reader is forgiving where that costs nothing and
 * strict where guessing would corrupt their records:
 *
 *  - Encoding: a UTF-8 byte order mark is dropped; valid UTF-8 is taken as
 *    it is; anything else is read as Windows-1252 (what Excel's plain "CSV"
 *    writes on a UK Windows laptop), with our own table rather than iconv.
 *    The five bytes Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90
 *    0x9D) are an encoding error, not U+FFFD: a file holding them is in some
 *    other encoding, and reading on would quietly import garbled names.
 *    UTF-16 with a byte order mark (Excel's "Unicode text") is read too.
 *  - Delimiter: comma, semicolon, tab or bar, whichever splits the first
 *    records into the most consistent number of fields (at least two).
 *  - RFC 4180 quoting, with CRLF, LF or CR line ends. A quote inside an
 *    unquoted field is kept as it is (5" screen, O"Brien); text after a
 *    closing quote is kept too ("Big" Dave gives Big Dave). Line breaks
 *    inside quoted fields come back as a single "\n" whatever the file had.
 *  - Empty lines before the header and after the last record are ignored;
 *    empty lines between records are kept as blank records so that every
 *    record knows the line it starts on (cr_csv_record_is_blank()).
 *  - Fields are kept exactly as written, spaces included: callers strip
 *    them with cr_csv_dup_field_stripped() where that is what they want.
 *
 * All fields live in one buffer, each ending in a NUL, found through one
 * array of offsets; the buffer is the decoded file itself, parsed in place
 * (a field never takes more room than it did in the file).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-core"

#include "config.h"

#include "cr-csv.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct
{
  guint first_field;  /* index into CrCsv.fields */
  guint line;         /* physical line the record starts on, from 1 */
} CrCsvRecord;

struct _CrCsv
{
  char         *text;          /* every field, each ending in a NUL */
  guint32      *fields;        /* offset in text of each field */
  CrCsvRecord  *records;       /* n_records + 1, the last a sentinel */
  guint         n_fields;
  guint         n_records;
  guint         fields_size;
  guint         records_size;
  const char   *encoding;
  char          delimiter;
  char        **header_keys;   /* record 0, cr_csv_normalise_header()d */
};

G_DEFINE_QUARK (cr-csv-error-quark, cr_csv_error)

#define ENCODING_UTF8     "UTF-8"
#define ENCODING_UTF8_BOM "UTF-8 with BOM"
#define ENCODING_CP1252   "Windows-1252"
#define ENCODING_UTF16    "UTF-16"

/* How many records, not counting empty lines, delimiter detection looks at. */
#define SAMPLE_RECORDS 20

/* Windows-1252 bytes 0x80–0x9F; 0 where the code page defines nothing. From
 * 0xA0 on it is Latin-1, whose bytes are their own code points. */
static const gunichar2 cp1252_high[32] = {
  0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

/* Sets @error to @message, naming the file and line where they are known,
 * the way the command line reports input files: "FILE:LINE: message". */
static void
set_error (GError     **error,
           CrCsvError   code,
           const char  *shown,
           guint        line,
           const char  *message)
{
  if (shown != NULL && line > 0)
    g_set_error (error, CR_CSV_ERROR, code, "%s:%u: %s", shown, line, message);
  else if (shown != NULL)
    g_set_error (error, CR_CSV_ERROR, code, "%s: %s", shown, message);
  else if (line > 0)
    /* Translators: "Line 12: A quoted field starts on this line …" */
    g_set_error (error, CR_CSV_ERROR, code, _("Line %u: %s"), line, message);
  else
    g_set_error_literal (error, CR_CSV_ERROR, code, message);
}

/* The physical line that byte @offset of @text is on, from 1. A CRLF pair,
 * a lone LF and a lone CR each end one line. */
static guint
line_at_offset (const char *text,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n'))
      line++;
  return line;
}

static gboolean
is_blank_char (gunichar c)
{
  /* g_unichar_isspace() knows the no-break space bank sites like; the
   * zero-width ones turn up when files were pasted together. */
  return g_unichar_isspace (c) || c == 0xFEFF || c == 0x200B;
}

/* A workbook saved without "Save as CSV": xlsx and ods are zip files, old
 * xls files are OLE2 compound documents. */
static gboolean
is_workbook (const guchar *data,
             gsize         len)
{
  static const guchar ole2[] = {
    0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1
  };

  return (len >= 4 && memcmp (data, "PK\003\004", 4) == 0) ||
         (len >= 4 && memcmp (data, "PK\005\006", 4) == 0) ||
         (len >= sizeof ole2 && memcmp (data, ole2, sizeof ole2) == 0);
}

/* Text has no NUL bytes and few control characters. Vertical tabs (how
 * FileMaker writes line breaks), form feeds and a DOS end-of-file mark are
 * allowed; a PDF or a picture has plenty of the rest. */
static gboolean
looks_binary (const guchar *data,
              gsize         len)
{
  gsize n = MIN (len, 65536);
  gsize odd = 0;

  if (memchr (data, '\0', len) != NULL)
    return TRUE;
  if (len >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return TRUE;

  for (gsize i = 0; i < n; i++)
    {
      guchar c = data[i];

      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
          c != '\f' && c != '\v' && c != 0x1A)
        odd++;
    }
  return odd > 8 && odd * 100 > n;
}

/* Returns the text of @data read as Windows-1252, in UTF-8, in a buffer one
 * byte longer than *out_len; or %NULL with *bad_offset set at a byte the
 * code page leaves undefined. */
static char *
decode_windows_1252 (const guchar *data,
                     gsize         len,
                     gsize        *out_len,
                     gsize        *bad_offset)
{
  gsize size = 0;
  char *out;
  char *w;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = data[i];

      if (c < 0x80)
        size += 1;
      else if (c >= 0xA0)
        size += 2;
      else if (cp1252_high[c - 0x80] == 0)
        {
          *bad_offset = i;
          return NULL;
        }
      else
        size += cp1252_high[c - 0x80] < 0x800 ? 2 : 3;
    }

  out = g_malloc (size + 1);
  w = out;
  for (gsize i = 0; i < len; i++)
    {
      guchar c = data[i];

      if (c < 0x80)
        *w++ = (char) c;
      else if (c >= 0xA0)
        w += g_unichar_to_utf8 (c, w);
      else
        w += g_unichar_to_utf8 (cp1252_high[c - 0x80], w);
    }
  *w = '\0';
  *out_len = size;
  return out;
}

/* Returns UTF-16 @data (byte order mark already skipped) in UTF-8, in a
 * buffer one byte longer than *out_len; or %NULL with *code and *bad_line
 * set: damaged UTF-16 is an encoding error, a NUL character means binary. */
static char *
decode_utf16 (const guchar *data,
              gsize         len,
              gboolean      big_endian,
              gsize        *out_len,
              CrCsvError   *code,
              guint        *bad_line)
{
  g_autofree char *out = NULL;
  char *w;
  gsize i;

  /* Each 2-byte unit takes at most 3 bytes in UTF-8, a 4-byte pair 4. */
  out = g_malloc (len / 2 * 3 + 1);
  w = out;

  for (i = 0; i + 1 < len; i += 2)
    {
      gunichar c = big_endian ? (guint) data[i] << 8 | data[i + 1]
                              : (guint) data[i + 1] << 8 | data[i];

      if (c >= 0xD800 && c < 0xDC00 && i + 3 < len)
        {
          gunichar low = big_endian ? (guint) data[i + 2] << 8 | data[i + 3]
                                    : (guint) data[i + 3] << 8 | data[i + 2];

          if (low >= 0xDC00 && low < 0xE000)
            {
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              i += 2;
            }
        }

      if (c == 0)
        {
          *code = CR_CSV_ERROR_BINARY;
          *bad_line = 0;
          return NULL;
        }
      if (c >= 0xD800 && c < 0xE000)
        break;
      w += g_unichar_to_utf8 (c, w);
    }
  *w = '\0';

  if (i < len)
    {
      /* An unpaired surrogate or an odd byte at the end. */
      *code = CR_CSV_ERROR_ENCODING;
      *bad_line = line_at_offset (out, w - out);
      return NULL;
    }

  *out_len = w - out;
  return g_steal_pointer (&out);
}

/* Splits the first records of @text with @delimiter as the parser would
 * and puts the number of fields of each, empty lines left out, in @counts.
 * Returns how many records it looked at. */
static guint
sample_field_counts (const char *text,
                     gsize       len,
                     char        delimiter,
                     guint      *counts,
                     guint       max)
{
  const char *p = text;
  const char *end = text + len;
  guint n = 0;

  while (p < end && n < max)
    {
      const char *start = p;
      guint fields = 1;

      for (;;)
        {
          if (p < end && *p == '"')
            {
              for (p++; p < end; p++)
                if (*p == '"')
                  {
                    if (p + 1 < end && p[1] == '"')
                      p++;
                    else
                      break;
                  }
              if (p < end)
                p++;
            }
          while (p < end && *p != delimiter && *p != '\n' && *p != '\r')
            p++;
          if (p < end && *p == delimiter)
            {
              fields++;
              p++;
              continue;
            }
          break;
        }

      if (fields > 1 || p > start)
        counts[n++] = fields;

      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n')
        p++;
    }
  return n;
}

/* Chooses the delimiter that gives the most records the same number of
 * fields, at least two; on a tie, the one giving more fields, then the
 * earlier in the list. A file of one column gets a comma. */
static char
detect_delimiter (const char *text,
                  gsize       len)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  char best = ',';
  guint best_freq = 0;
  guint best_n = 1;
  guint best_mode = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      guint counts[SAMPLE_RECORDS];
      guint n = sample_field_counts (text, len, candidates[i], counts,
                                     SAMPLE_RECORDS);
      guint mode = 0;
      guint freq = 0;

      for (guint a = 0; a < n; a++)
        {
          guint f = 0;

          for (guint b = 0; b < n; b++)
            if (counts[b] == counts[a])
              f++;
          if (f > freq || (f == freq && counts[a] > mode))
            {
              freq = f;
              mode = counts[a];
            }
        }

      if (mode < 2)
        continue;
      if (best_mode == 0 ||
          freq * best_n > best_freq * n ||
          (freq * best_n == best_freq * n && mode > best_mode))
        {
          best = candidates[i];
          best_freq = freq;
          best_n = n;
          best_mode = mode;
        }
    }
  return best;
}

static inline void
push_field (CrCsv   *self,
            guint32  offset)
{
  if (G_UNLIKELY (self->n_fields == self->fields_size))
    {
      self->fields_size *= 2;
      self->fields = g_renew (guint32, self->fields, self->fields_size);
    }
  self->fields[self->n_fields++] = offset;
}

static inline void
push_record (CrCsv *self,
             guint  first_field,
             guint  line)
{
  /* One spare slot for the sentinel. */
  if (G_UNLIKELY (self->n_records + 1 >= self->records_size))
    {
      self->records_size *= 2;
      self->records = g_renew (CrCsvRecord, self->records, self->records_size);
    }
  self->records[self->n_records].first_field = first_field;
  self->records[self->n_records].line = line;
  self->n_records++;
}

static inline gboolean
record_is_empty_line (CrCsv *self,
                      guint  first_field)
{
  return self->n_fields - first_field == 1 &&
         self->text[self->fields[first_field]] == '\0';
}

/* Splits self->text, @len bytes in a buffer one longer, into records in
 * place. Returns %FALSE with *bad_line set where a quote is never closed. */
static gboolean
split_records (CrCsv *self,
               gsize  len,
               guint *bad_line)
{
  char *buf = self->text;
  const char *p = buf;
  const char *end = buf + len;
  char *w = buf;
  const char delimiter = self->delimiter;
  guint line = 1;

  self->fields_size = MAX (64, len / 8);
  self->fields = g_new (guint32, self->fields_size);
  self->records_size = MAX (16, len / 64);
  self->records = g_new (CrCsvRecord, self->records_size);

  while (p < end)
    {
      guint first_field = self->n_fields;
      guint start_line = line;

      for (;;)
        {
          char *field = w;
          char c;

          if (p < end && *p == '"')
            {
              guint open_line = line;

              for (p++;; p++)
                {
                  if (p >= end)
                    {
                      *bad_line = open_line;
                      return FALSE;
                    }
                  c = *p;
                  if (c == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        p++;
                      else
                        {
                          p++;
                          break;
                        }
                    }
                  else if (c == '\r')
                    {
                      line++;
                      c = '\n';
                      if (p + 1 < end && p[1] == '\n')
                        p++;
                    }
                  else if (c == '\n')
                    line++;
                  *w++ = c;
                }
            }

          /* The unquoted field, or what follows a closing quote. While no
           * quote has been taken out yet w == p and nothing needs moving. */
          if (w == p)
            {
              while (p < end && *p != delimiter && *p != '\n' && *p != '\r')
                p++;
              w = (char *) p;
            }
          else
            while (p < end && *p != delimiter && *p != '\n' && *p != '\r')
              *w++ = *p++;

          /* Read the terminator before the NUL may overwrite it. */
          c = p < end ? *p : '\0';
          *w++ = '\0';
          push_field (self, (guint32) (field - buf));

          if (c == delimiter)
            {
              p++;
              continue;
            }
          if (c == '\r')
            {
              p++;
              if (p < end && *p == '\n')
                p++;
              line++;
            }
          else if (c == '\n')
            {
              p++;
              line++;
            }
          break;
        }

      if (self->n_records == 0 && record_is_empty_line (self, first_field))
        {
          /* An empty line above the header. */
          self->n_fields = first_field;
          w = buf;
          continue;
        }
      push_record (self, first_field, start_line);
    }

  /* Empty lines after the last record. */
  while (self->n_records > 0 &&
         self->n_fields - self->records[self->n_records - 1].first_field == 1 &&
         self->text[self->fields[self->n_fields - 1]] == '\0')
    {
      self->n_records--;
      self->n_fields--;
    }
  self->records[self->n_records].first_field = self->n_fields;
  self->records[self->n_records].line = line;

  return TRUE;
}

/* Gives back the room parsing no longer needs and folds the header, so
 * that a parsed file is never written to again and threads may share it. */
static void
finish (CrCsv *self)
{
  guint32 last = self->fields[self->n_fields - 1];
  guint n_columns = cr_csv_record_get_n_fields (self, 0);

  self->text = g_realloc (self->text, last + strlen (self->text + last) + 1);
  self->fields = g_renew (guint32, self->fields, self->n_fields);
  self->records = g_renew (CrCsvRecord, self->records, self->n_records + 1);

  self->header_keys = g_new0 (char *, n_columns + 1);
  for (guint c = 0; c < n_columns; c++)
    self->header_keys[c] =
      cr_csv_normalise_header (cr_csv_get_field (self, 0, c));
}

static CrCsv *
parse_data (const guchar  *data,
            gsize          len,
            char           delimiter,
            const char    *shown,
            GError       **error)
{
  g_autoptr (CrCsv) self = NULL;
  gsize text_len = 0;
  guint bad_line = 0;
  guint r = 0;

  /* An empty GBytes or an empty mapped file may have no data at all. */
  if (data == NULL)
    data = (const guchar *) "";

  if (len > CR_CSV_MAX_SIZE)
    {
      set_error (error, CR_CSV_ERROR_TOO_LARGE, shown, 0,
                 _("The file is larger than 512 MB, too large to import. "
                   "Split it into smaller files and import each one."));
      return NULL;
    }

  if (is_workbook (data, len))
    {
      set_error (error, CR_CSV_ERROR_BINARY, shown, 0,
                 _("This is a spreadsheet workbook, not a CSV file. Open it "
                   "in your spreadsheet program and save it as CSV first."));
      return NULL;
    }

  self = g_new0 (CrCsv, 1);

  if (len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) ||
                   (data[0] == 0xFE && data[1] == 0xFF)))
    {
      CrCsvError code = CR_CSV_ERROR_ENCODING;

      self->encoding = ENCODING_UTF16;
      self->text = decode_utf16 (data + 2, len - 2, data[0] == 0xFE,
                                 &text_len, &code, &bad_line);
      if (self->text == NULL && code == CR_CSV_ERROR_BINARY)
        {
          set_error (error, code, shown, 0,
                     _("This file is not a spreadsheet saved as CSV: it "
                       "holds data that is not text."));
          return NULL;
        }
      if (self->text == NULL)
        {
          set_error (error, code, shown, bad_line,
                     _("The file says it is UTF-16 (“Unicode text”) but is "
                       "damaged here. Save it again as “CSV UTF-8” and try "
                       "again."));
          return NULL;
        }
    }
  else
    {
      gboolean bom = len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0;
      const char *invalid = NULL;

      if (bom)
        {
          data += 3;
          len -= 3;
        }
      /* A DOS end-of-file mark, from very old exporting programs. */
      if (len > 0 && data[len - 1] == 0x1A)
        len--;

      if (looks_binary (data, len))
        {
          set_error (error, CR_CSV_ERROR_BINARY, shown, 0,
                     _("This file is not a spreadsheet saved as CSV: it "
                       "holds data that is not text."));
          return NULL;
        }

      if (g_utf8_validate ((const char *) data, len, &invalid))
        {
          self->encoding = bom ? ENCODING_UTF8_BOM : ENCODING_UTF8;
          self->text = g_malloc (len + 1);
          if (len > 0)
            memcpy (self->text, data, len);
          self->text[len] = '\0';
          text_len = len;
        }
      else if (bom)
        {
          set_error (error, CR_CSV_ERROR_ENCODING, shown,
                     line_at_offset ((const char *) data,
                                     invalid - (const char *) data),
                     _("The file says it is UTF-8 but this line is not. Save "
                       "it again as “CSV UTF-8” and try again."));
          return NULL;
        }
      else
        {
          gsize bad_offset = 0;

          self->encoding = ENCODING_CP1252;
          self->text = decode_windows_1252 (data, len, &text_len, &bad_offset);
          if (self->text == NULL)
            {
              set_error (error, CR_CSV_ERROR_ENCODING, shown,
                         line_at_offset ((const char *) data, bad_offset),
                         _("This line has characters in an encoding Common "
                           "Room can’t read. Save the file as “CSV UTF-8” "
                           "and try again."));
              return NULL;
            }
        }
    }

  self->delimiter = delimiter != 0 ? delimiter
                                   : detect_delimiter (self->text, text_len);

  if (!split_records (self, text_len, &bad_line))
    {
      set_error (error, CR_CSV_ERROR_UNTERMINATED, shown, bad_line,
                 _("A quoted field starts on this line but its closing "
                   "quote is missing. Check the row for a stray \" "
                   "character."));
      return NULL;
    }

  while (r < self->n_records && cr_csv_record_is_blank (self, r))
    r++;
  if (r == self->n_records)
    {
      set_error (error, CR_CSV_ERROR_EMPTY, shown, 0,
                 _("The file is empty: there is nothing in it to import."));
      return NULL;
    }

  finish (self);
  return g_steal_pointer (&self);
}

/**
 * cr_csv_parse_with:
 * @bytes: the file's contents
 * @delimiter: `,` `;` `\t` or `|`, or 0 to detect it
 * @error: return location for a #CR_CSV_ERROR
 *
 * Reads a spreadsheet saved as CSV, as cr_csv_parse() does, but splits the
 * fields at @delimiter when it is given.
 *
 * Returns: (transfer full) (nullable): the records, or %NULL with @error
 *   set when the file can't be read as CSV at all
 */
CrCsv *
cr_csv_parse_with (GBytes  *bytes,
                   char     delimiter,
                   GError **error)
{
  gsize len = 0;
  const guchar *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (delimiter == 0 || delimiter == ',' ||
                        delimiter == ';' || delimiter == '\t' ||
                        delimiter == '|', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  return parse_data (data, len, delimiter, NULL, error);
}

/**
 * cr_csv_parse:
 * @bytes: the file's contents
 * @error: return location for a #CR_CSV_ERROR
 *
 * Reads a spreadsheet saved as CSV: detects the encoding and the
 * delimiter, and splits it into records and fields (the rules are at the
 * top of cr-csv.c). Messages are sentences for a person, naming the line
 * where there is one ("Line 12: …").
 *
 * Returns: (transfer full) (nullable): the records, or %NULL with @error
 *   set when the file can't be read as CSV at all
 */
CrCsv *
cr_csv_parse (GBytes  *bytes,
              GError **error)
{
  return cr_csv_parse_with (bytes, 0, error);
}

/**
 * cr_csv_parse_file:
 * @path: a file name, in the file system's encoding
 * @error: return location for a #CR_CSV_ERROR or, when the file can't be
 *   opened, a #G_FILE_ERROR
 *
 * Reads @path as cr_csv_parse() does. Every message names the file; those
 * about its contents take the command line's form for input files,
 * "members.csv:12: …".
 *
 * Returns: (transfer full) (nullable): the records, or %NULL with @error
 *   set
 */
CrCsv *
cr_csv_parse_file (const char  *path,
                   GError     **error)
{
  g_autoptr (GMappedFile) mapped = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  shown = g_filename_display_name (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("“%s” is a folder, not a file. Choose a CSV file "
                     "inside it."), shown);
      return NULL;
    }

  /* Mapped, not read: a file is copied once, as it is decoded. */
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      int code = local_error->domain == G_FILE_ERROR ? local_error->code
                                                     : G_FILE_ERROR_FAILED;

      switch (code)
        {
        case G_FILE_ERROR_NOENT:
          g_set_error (error, G_FILE_ERROR, code,
                       _("There is no file “%s”. Check its name and the "
                         "folder it is in."), shown);
          break;
        case G_FILE_ERROR_ACCES:
        case G_FILE_ERROR_PERM:
          g_set_error (error, G_FILE_ERROR, code,
                       _("You don’t have permission to read “%s”."), shown);
          break;
        default:
          g_set_error (error, G_FILE_ERROR, code,
                       _("Couldn’t read “%s”: %s"), shown,
                       local_error->message);
          break;
        }
      return NULL;
    }

  return parse_data ((const guchar *) g_mapped_file_get_contents (mapped),
                     g_mapped_file_get_length (mapped), 0, shown, error);
}

/**
 * cr_csv_free:
 * @self: (transfer full) (nullable): the records
 *
 * Frees the records and every field in them.
 */
void
cr_csv_free (CrCsv *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->header_keys);
  g_free (self->text);
  g_free (self->fields);
  g_free (self->records);
  g_free (self);
}

/**
 * cr_csv_get_encoding:
 *
 * For the import preview: how the file was written.
 *
 * Returns: (transfer none): "UTF-8", "UTF-8 with BOM", "Windows-1252" or
 *   "UTF-16"
 */
const char *
cr_csv_get_encoding (CrCsv *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->encoding;
}

/**
 * cr_csv_get_delimiter:
 *
 * Returns: the delimiter the fields were split at: `,` `;` `\t` or `|`
 */
char
cr_csv_get_delimiter (CrCsv *self)
{
  g_return_val_if_fail (self != NULL, ',');
  return self->delimiter;
}

/**
 * cr_csv_get_n_records:
 *
 * Returns: the number of records, the header (record 0) included; at
 *   least one
 */
guint
cr_csv_get_n_records (CrCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_records;
}

/**
 * cr_csv_record_get_n_fields:
 * @record: a record, less than cr_csv_get_n_records()
 *
 * Records need not all have as many fields as the header.
 *
 * Returns: the number of fields in @record, at least one
 */
guint
cr_csv_record_get_n_fields (CrCsv *self,
                            guint  record)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (record < self->n_records, 0);

  return self->records[record + 1].first_field -
         self->records[record].first_field;
}

/**
 * cr_csv_get_field:
 * @record: a record, less than cr_csv_get_n_records()
 * @field: a field, counted from 0
 *
 * Returns: (transfer none) (nullable): the field exactly as the file has
 *   it (quotes taken off, spaces kept), valid UTF-8; or %NULL past the end
 *   of a short record
 */
const char *
cr_csv_get_field (CrCsv *self,
                  guint  record,
                  guint  field)
{
  guint first;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (record < self->n_records, NULL);

  first = self->records[record].first_field;
  if (field >= self->records[record + 1].first_field - first)
    return NULL;
  return self->text + self->fields[first + field];
}

/**
 * cr_csv_dup_field_stripped:
 * @record: a record, less than cr_csv_get_n_records()
 * @field: a field, counted from 0
 *
 * The field without the spaces around it, no-break spaces included, as
 * most columns want it.
 *
 * Returns: (transfer full) (nullable): the stripped field, or %NULL past
 *   the end of a short record
 */
char *
cr_csv_dup_field_stripped (CrCsv *self,
                           guint  record,
                           guint  field)
{
  const char *value;
  const char *start;
  const char *stop;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (record < self->n_records, NULL);

  value = cr_csv_get_field (self, record, field);
  if (value == NULL)
    return NULL;

  start = value;
  while (*start != '\0' && is_blank_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  stop = start;
  for (const char *p = start; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_blank_char (g_utf8_get_char (p)))
      stop = g_utf8_next_char (p);

  return g_strndup (start, stop - start);
}

/**
 * cr_csv_get_line:
 * @record: a record, less than cr_csv_get_n_records()
 *
 * For messages of the form "FILE:LINE: reason".
 *
 * Returns: the line of the file @record starts on, counted from 1 (a
 *   record with line breaks in a quoted field spans several)
 */
guint
cr_csv_get_line (CrCsv *self,
                 guint  record)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (record < self->n_records, 0);
  return self->records[record].line;
}

/**
 * cr_csv_record_is_blank:
 * @record: a record, less than cr_csv_get_n_records()
 *
 * Whether every field of @record is empty or only spaces: an empty line,
 * or a row Excel exported as ",,,,".
 *
 * Returns: %TRUE if @record holds nothing
 */
gboolean
cr_csv_record_is_blank (CrCsv *self,
                        guint  record)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (record < self->n_records, FALSE);

  for (guint f = self->records[record].first_field;
       f < self->records[record + 1].first_field;
       f++)
    for (const char *p = self->text + self->fields[f]; *p != '\0';
         p = g_utf8_next_char (p))
      if (!is_blank_char (g_utf8_get_char (p)))
        return FALSE;
  return TRUE;
}

/**
 * cr_csv_normalise_header:
 * @header: a column heading
 *
 * Folds a heading so that the ways people write one name compare equal:
 * case folded, accents dropped, and only letters and digits kept, so
 * "E-mail Address" gives "emailaddress", "Post Code" and "POSTCODE" give
 * "postcode", "Prénom" gives "prenom".
 *
 * Returns: (transfer full): the folded heading, possibly empty
 */
char *
cr_csv_normalise_header (const char *header)
{
  g_autofree char *valid = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *key;

  g_return_val_if_fail (header != NULL, NULL);

  valid = g_utf8_make_valid (header, -1);
  folded = g_utf8_casefold (valid, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  key = g_string_sized_new (strlen (decomposed));

  /* Combining accents are marks, not letters, so they go too. */
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

/**
 * cr_csv_find_column:
 * @aliases: (array zero-terminated=1): names the column may have
 *
 * Finds the first column of the header (record 0) whose name, normalised
 * by cr_csv_normalise_header(), equals one of @aliases normalised.
 *
 * Returns: the column, counted from 0, or -1 if no heading matches
 */
int
cr_csv_find_column (CrCsv             *self,
                    const char *const *aliases)
{
  g_autoptr (GPtrArray) keys = NULL;
  guint n_columns;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (aliases != NULL, -1);

  n_columns = cr_csv_record_get_n_fields (self, 0);
  keys = g_ptr_array_new_with_free_func (g_free);
  for (guint a = 0; aliases[a] != NULL; a++)
    g_ptr_array_add (keys, cr_csv_normalise_header (aliases[a]));

  for (guint c = 0; c < n_columns; c++)
    {
      if (self->header_keys[c][0] == '\0')
        continue;
      for (guint a = 0; a < keys->len; a++)
        if (g_str_equal (self->header_keys[c], g_ptr_array_index (keys, a)))
          return (int) c;
    }
  return -1;
}

/* A number a spreadsheet reads as a number and nothing else: a sign, an
 * optional £, digits (grouped in threes by commas or not), an optional
 * decimal part: "-3.50", "+12", "-£1,234.56", "-.5". */
static gboolean
is_plain_number (const char *value)
{
  const char *p = value;
  guint digits = 0;

  if (*p == '+' || *p == '-')
    p++;
  if (g_str_has_prefix (p, "£"))
    p += strlen ("£");

  while (g_ascii_isdigit (*p))
    {
      p++;
      digits++;
    }
  while (digits > 0 && digits <= 3 && *p == ',' &&
         g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
         g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]))
    p += 4;

  if (*p == '.' && g_ascii_isdigit (p[1]))
    {
      for (p++; g_ascii_isdigit (*p); p++)
        digits++;
    }
  return digits > 0 && *p == '\0';
}

/**
 * cr_csv_append_field:
 * @line: the line being written
 * @value: (nullable): the field's text, %NULL for an empty field
 * @delimiter: the delimiter the caller puts between fields
 *
 * Appends @value to @line as one CSV field, quoted (RFC 4180) when it
 * holds @delimiter, a quote or a line break, or starts or ends with a
 * space or tab. The caller writes @delimiter between fields and ends the
 * line.
 *
 * A spreadsheet would run a value beginning with `=`, `+`, `-`, `@`, a tab
 * or a carriage return as a formula, so such a value gets a `'` in front
 * and is shown as text ("'=HYPERLINK(…)"). Plain numbers are left alone:
 * "-3.50", "+12" and "-£1,234.56" stay numbers.
 */
void
cr_csv_append_field (GString    *line,
                     const char *value,
                     char        delimiter)
{
  gboolean quote;
  gboolean guard;
  gsize len;

  g_return_if_fail (line != NULL);
  g_return_if_fail (delimiter != '\0' && delimiter != '"' &&
                    delimiter != '\n' && delimiter != '\r');

  if (value == NULL || *value == '\0')
    return;

  len = strlen (value);
  guard = strchr ("=+-@\t\r", value[0]) != NULL && !is_plain_number (value);
  quote = strchr (value, delimiter) != NULL ||
          strpbrk (value, "\"\r\n") != NULL ||
          value[0] == ' ' || value[0] == '\t' ||
          value[len - 1] == ' ' || value[len - 1] == '\t';

  if (quote)
    g_string_append_c (line, '"');
  if (guard)
    g_string_append_c (line, '\'');

  if (quote)
    {
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (line, '"');
          g_string_append_c (line, *p);
        }
      g_string_append_c (line, '"');
    }
  else
    g_string_append_len (line, value, len);
}
