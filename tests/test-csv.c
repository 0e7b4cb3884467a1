/* test-csv.c: reading and writing spreadsheets saved as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-csv.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static CrCsv *
parse_len (const char  *data,
           gsize        len,
           char         delimiter,
           GError     **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, len);

  return cr_csv_parse_with (bytes, delimiter, error);
}

static CrCsv *
parse (const char *text)
{
  g_autoptr (GError) error = NULL;
  CrCsv *csv = parse_len (text, strlen (text), 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  return csv;
}

static void
assert_parse_error (const char *data,
                    gsize       len,
                    CrCsvError  code,
                    const char *message_part)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrCsv) csv = parse_len (data, len, 0, &error);

  g_assert_null (csv);
  g_assert_error (error, CR_CSV_ERROR, (int) code);
  if (message_part != NULL && strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, message_part);
}

/* Checks that @record starts on @line and holds exactly the fields given,
 * a NULL-terminated list. */
static void
assert_record (CrCsv *csv,
               guint  record,
               guint  line,
               ...)
{
  va_list args;
  guint n = 0;
  const char *expected;

  g_assert_cmpuint (record, <, cr_csv_get_n_records (csv));
  g_assert_cmpuint (cr_csv_get_line (csv, record), ==, line);

  va_start (args, line);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_assert_cmpstr (cr_csv_get_field (csv, record, n), ==, expected);
      n++;
    }
  va_end (args);

  g_assert_cmpuint (cr_csv_record_get_n_fields (csv, record), ==, n);
  g_assert_null (cr_csv_get_field (csv, record, n));
}

static void
test_basic (void)
{
  g_autoptr (CrCsv) csv = parse ("Name,Email,Postcode\n"
                                 "Jo Bloggs,jo@example.org,AV1 2AB\n"
                                 "Sam Lee,,AV3 4DD\n");

  g_assert_cmpuint (cr_csv_get_n_records (csv), ==, 3);
  g_assert_cmpint (cr_csv_get_delimiter (csv), ==, ',');
  g_assert_cmpstr (cr_csv_get_encoding (csv), ==, "UTF-8");
  assert_record (csv, 0, 1, "Name", "Email", "Postcode", NULL);
  assert_record (csv, 1, 2, "Jo Bloggs", "jo@example.org", "AV1 2AB", NULL);
  assert_record (csv, 2, 3, "Sam Lee", "", "AV3 4DD", NULL);
}

static void
test_quoted (void)
{
  g_autoptr (CrCsv) csv = parse ("\"a,b\",\"say \"\"hi\"\"\",\"\"\n"
                                 "\"\",x,\"\"\"\"\n"
                                 "\"trailing\",\n");

  g_assert_cmpuint (cr_csv_get_n_records (csv), ==, 3);
  assert_record (csv, 0, 1, "a,b", "say \"hi\"", "", NULL);
  assert_record (csv, 1, 2, "", "x", "\"", NULL);
  assert_record (csv, 2, 3, "trailing", "", NULL);
}

static void
test_line_endings (void)
{
  g_autoptr (CrCsv) csv = parse ("a,b\r\nc,d\re,f\ng,h");

  g_assert_cmpuint (cr_csv_get_n_records (csv), ==, 4);
  assert_record (csv, 0, 1, "a", "b", NULL);
  assert_record (csv, 1, 2, "c", "d", NULL);
  assert_record (csv, 2, 3, "e", "f", NULL);
  assert_record (csv, 3, 4, "g", "h", NULL);
}

static void
test_embedded_newlines (void)
{
  /* Line breaks of every kind inside quotes come back as "\n", and each
   * record knows the physical line it starts on. */
  g_autoptr (CrCsv) csv = parse ("Name,Address\r\n"
                                 "Jo,\"Flat 1\r\nBirch House\r\nAvonford\"\r\n"
                                 "Sam,\"a\rb\nc\"\r\n"
                                 "Al,\"\n\"\r\n"
                                 "Zoe,end\r\n");

  g_assert_cmpuint (cr_csv_get_n_records (csv), ==, 5);
  assert_record (csv, 1, 2, "Jo", "Flat 1\nBirch House\nAvonford", NULL);
  assert_record (csv, 2, 5, "Sam", "a\nb\nc", NULL);
  assert_record (csv, 3, 8, "Al", "\n", NULL);
  assert_record (csv, 4, 10, "Zoe", "end", NULL);
}

static void
test_stray_quotes (void)
{
  g_autoptr (CrCsv) csv = parse ("Name,Size\n"
                                 "TV,32\" screen\n"
                                 "O\"Brien,x\"\"y\n"
                                 "\"Big\" Dave,\"ok\"tail\n");

  assert_record (csv, 1, 2, "TV", "32\" screen", NULL);
  assert_record (csv, 2, 3, "O\"Brien", "x\"\"y", NULL);
  assert_record (csv, 3, 4, "Big Dave", "oktail", NULL);
}

static void
test_spaces_kept (void)
{
  g_autoptr (CrCsv) csv = parse ("Name, Email \n"
                                 " Jo ,\302\240jo@example.org\302\240\t\n");
  g_autofree char *stripped = NULL;
  g_autofree char *nbsp = NULL;
  g_autofree char *header = NULL;

  assert_record (csv, 1, 2, " Jo ", "\302\240jo@example.org\302\240\t", NULL);
  stripped = cr_csv_dup_field_stripped (csv, 1, 0);
  g_assert_cmpstr (stripped, ==, "Jo");
  nbsp = cr_csv_dup_field_stripped (csv, 1, 1);
  g_assert_cmpstr (nbsp, ==, "jo@example.org");
  header = cr_csv_dup_field_stripped (csv, 0, 1);
  g_assert_cmpstr (header, ==, "Email");
  g_assert_null (cr_csv_dup_field_stripped (csv, 1, 2));
}

static void
test_short_rows (void)
{
  g_autoptr (CrCsv) csv = parse ("a,b,c\n"
                                 "1\n"
                                 "1,2,3,4\n");

  assert_record (csv, 0, 1, "a", "b", "c", NULL);
  assert_record (csv, 1, 2, "1", NULL);
  assert_record (csv, 2, 3, "1", "2", "3", "4", NULL);
  g_assert_null (cr_csv_get_field (csv, 1, 1));
  g_assert_null (cr_csv_get_field (csv, 1, 1000));
}

static void
test_empty_lines (void)
{
  g_autoptr (CrCsv) leading = parse ("\n\r\n\ra,b\n1,2\n");
  g_autoptr (CrCsv) middle = parse ("a,b\n\n1,2\n");
  g_autoptr (CrCsv) trailing = parse ("a,b\r\n1,2\r\n\r\n\r\n\n");
  g_autoptr (CrCsv) no_newline = parse ("a,b\n1,2");
  g_autoptr (CrCsv) trailing_delimiter = parse ("a,b,\n,\n");
  g_autoptr (CrCsv) ctrl_z = parse ("a,b\r\n1,2\r\n\032");

  g_assert_cmpuint (cr_csv_get_n_records (leading), ==, 2);
  assert_record (leading, 0, 4, "a", "b", NULL);
  assert_record (leading, 1, 5, "1", "2", NULL);

  g_assert_cmpuint (cr_csv_get_n_records (middle), ==, 3);
  assert_record (middle, 1, 2, "", NULL);
  g_assert_true (cr_csv_record_is_blank (middle, 1));
  assert_record (middle, 2, 3, "1", "2", NULL);

  g_assert_cmpuint (cr_csv_get_n_records (trailing), ==, 2);
  assert_record (trailing, 1, 2, "1", "2", NULL);

  g_assert_cmpuint (cr_csv_get_n_records (no_newline), ==, 2);
  assert_record (no_newline, 1, 2, "1", "2", NULL);

  g_assert_cmpuint (cr_csv_get_n_records (trailing_delimiter), ==, 2);
  assert_record (trailing_delimiter, 0, 1, "a", "b", "", NULL);
  assert_record (trailing_delimiter, 1, 2, "", "", NULL);

  g_assert_cmpuint (cr_csv_get_n_records (ctrl_z), ==, 2);
  assert_record (ctrl_z, 1, 2, "1", "2", NULL);
}

static void
test_blank_records (void)
{
  g_autoptr (CrCsv) csv = parse ("Name,Email\n"
                                 ",\n"
                                 " ,\t\n"
                                 "\302\240,\n"
                                 "\"\",\"  \"\n"
                                 "x,\n"
                                 ",.\n");

  g_assert_false (cr_csv_record_is_blank (csv, 0));
  g_assert_true (cr_csv_record_is_blank (csv, 1));
  g_assert_true (cr_csv_record_is_blank (csv, 2));
  g_assert_true (cr_csv_record_is_blank (csv, 3));
  g_assert_true (cr_csv_record_is_blank (csv, 4));
  g_assert_false (cr_csv_record_is_blank (csv, 5));
  g_assert_false (cr_csv_record_is_blank (csv, 6));
}

static void
test_empty (void)
{
  g_autoptr (CrCsv) header_only = NULL;

  assert_parse_error ("", 0, CR_CSV_ERROR_EMPTY, "empty");
  assert_parse_error ("\357\273\277", 3, CR_CSV_ERROR_EMPTY, NULL);
  assert_parse_error ("\n\r\n\r", 4, CR_CSV_ERROR_EMPTY, NULL);
  assert_parse_error (" , \n,,,\r\n", 9, CR_CSV_ERROR_EMPTY, NULL);
  assert_parse_error ("\377\376", 2, CR_CSV_ERROR_EMPTY, NULL);

  /* A header without rows is a file with nothing to import, but a CSV
   * file all the same: the importer says so in its own words. */
  header_only = parse ("Name,Email\r\n");
  g_assert_cmpuint (cr_csv_get_n_records (header_only), ==, 1);
}

static void
test_binary (void)
{
  static const char nul[] = "Name,Email\nJo\0,x\n";
  static const char zip[] = "PK\003\004\024\000\006\000junk";
  static const char ole2[] = "\320\317\021\340\241\261\032\341junk";
  static const char pdf[] = "%PDF-1.7\n%\342\343\317\323\n";
  GString *controls = g_string_new ("Name,Email\n");
  GString *vertical_tabs = g_string_new ("Name,Notes\n");
  g_autoptr (CrCsv) filemaker = NULL;

  assert_parse_error (nul, sizeof nul - 1, CR_CSV_ERROR_BINARY,
                      "not a spreadsheet saved as CSV");
  assert_parse_error (zip, sizeof zip - 1, CR_CSV_ERROR_BINARY,
                      "save it as CSV first");
  assert_parse_error (ole2, sizeof ole2 - 1, CR_CSV_ERROR_BINARY,
                      "save it as CSV first");
  assert_parse_error (pdf, sizeof pdf - 1, CR_CSV_ERROR_BINARY, NULL);

  for (guint i = 0; i < 50; i++)
    g_string_append (controls, "\001\002\003\004\005\006\007\010,x\n");
  assert_parse_error (controls->str, controls->len, CR_CSV_ERROR_BINARY, NULL);
  g_string_free (controls, TRUE);

  /* FileMaker writes line breaks in a field as vertical tabs. */
  for (guint i = 0; i < 50; i++)
    g_string_append (vertical_tabs, "Jo,one\vtwo\vthree\n");
  filemaker = parse (vertical_tabs->str);
  g_assert_cmpuint (cr_csv_get_n_records (filemaker), ==, 51);
  g_string_free (vertical_tabs, TRUE);
}

static void
test_unterminated (void)
{
  static const char text[] = "Name,Address\n"
                             "Jo,\"1 High Street\"\n"
                             "Sam,\"2 Low Road\n"
                             "Al,3 Mill Lane\n";
  static const char at_end[] = "a,b\n\"";

  assert_parse_error (text, sizeof text - 1, CR_CSV_ERROR_UNTERMINATED,
                      "Line 3: A quoted field starts on this line");
  assert_parse_error (at_end, sizeof at_end - 1, CR_CSV_ERROR_UNTERMINATED,
                      "Line 2:");
}

static void
test_utf8_bom (void)
{
  g_autoptr (CrCsv) csv = parse ("\357\273\277Name,Town\nSe\303\241n,Cork\n");

  g_assert_cmpstr (cr_csv_get_encoding (csv), ==, "UTF-8 with BOM");
  assert_record (csv, 0, 1, "Name", "Town", NULL);
  assert_record (csv, 1, 2, "Seán", "Cork", NULL);
  g_assert_cmpint (cr_csv_find_column (csv, (const char *[]) { "name", NULL }),
                   ==, 0);

  /* A file that says it is UTF-8 and then is not. */
  assert_parse_error ("\357\273\277a,b\nc,d\n\351,f\n", 15,
                      CR_CSV_ERROR_ENCODING, "Line 3:");
}

static void
test_windows_1252 (void)
{
  static const char defined[] =
    "\200\202\203\204\205\206\207\210\211\212\213\214\216"
    "\221\222\223\224\225\226\227\230\231\232\233\234\236\237";
  g_autofree char *text = g_strconcat ("x,", defined, "\n"
                                       "\240\243\251\351\377,\327\n", NULL);
  g_autoptr (CrCsv) csv = parse (text);

  g_assert_cmpstr (cr_csv_get_encoding (csv), ==, "Windows-1252");
  assert_record (csv, 0, 1, "x", "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ", NULL);
  assert_record (csv, 1, 2, "\302\240£©éÿ", "×", NULL);
}

static void
test_windows_1252_undefined (void)
{
  static const char undefined[] = { '\201', '\215', '\217', '\220', '\235' };

  for (guint i = 0; i < G_N_ELEMENTS (undefined); i++)
    {
      g_autofree char *text = g_strdup_printf ("a,b\r\n\351,\r\nx%c,y\r\n",
                                               undefined[i]);

      assert_parse_error (text, strlen (text), CR_CSV_ERROR_ENCODING,
                          "Line 3: This line has characters in an encoding");
    }
}

/* @text in UTF-16 with a byte order mark, in the order asked for. */
static GBytes *
to_utf16 (const char *text,
          gboolean    big_endian)
{
  g_autofree gunichar2 *units = NULL;
  glong n = 0;
  guint8 *data;

  units = g_utf8_to_utf16 (text, -1, NULL, &n, NULL);
  g_assert_nonnull (units);
  data = g_malloc (2 * (n + 1));
  for (glong i = 0; i <= n; i++)
    {
      gunichar2 u = i == 0 ? 0xFEFF : units[i - 1];

      data[2 * i] = big_endian ? u >> 8 : u & 0xFF;
      data[2 * i + 1] = big_endian ? u & 0xFF : u >> 8;
    }
  return g_bytes_new_take (data, 2 * (n + 1));
}

static void
test_utf16 (void)
{
  static const char text[] = "Name\tAmount\r\nZo\303\253 \360\237\230\200\t"
                             "\342\202\25410\r\n";

  for (guint big_endian = 0; big_endian < 2; big_endian++)
    {
      g_autoptr (GBytes) bytes = to_utf16 (text, big_endian);
      g_autoptr (GError) error = NULL;
      g_autoptr (CrCsv) csv = cr_csv_parse (bytes, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cr_csv_get_encoding (csv), ==, "UTF-16");
      g_assert_cmpint (cr_csv_get_delimiter (csv), ==, '\t');
      assert_record (csv, 0, 1, "Name", "Amount", NULL);
      assert_record (csv, 1, 2, "Zoë 😀", "€10", NULL);
    }
}

static void
test_utf16_damaged (void)
{
  /* An odd byte at the end, an unpaired surrogate, a NUL character. */
  assert_parse_error ("\377\376a\000,\000b\000\n", 9, CR_CSV_ERROR_ENCODING,
                      "UTF-16");
  assert_parse_error ("\377\376a\000\n\000\000\330b\000", 10,
                      CR_CSV_ERROR_ENCODING, "Line 2:");
  assert_parse_error ("\376\377\000a\334\000", 6, CR_CSV_ERROR_ENCODING, NULL);
  assert_parse_error ("\377\376a\000\000\000b\000", 8, CR_CSV_ERROR_BINARY,
                      NULL);
}

static void
test_detect_delimiter (void)
{
  static const struct
  {
    const char *text;
    char        delimiter;
    guint       n_fields;
  } cases[] = {
    { "a,b,c\n1,2,3\n", ',', 3 },
    /* Decimal commas in a semicolon file. */
    { "Name;Amount\nJo;1,50\nSam;2,75\n", ';', 2 },
    { "Name;Amount;Note\nJo;1,50;x\nSam;2,75;y\nAl;3;z\n", ';', 3 },
    /* Commas inside the fields of a tab-separated file. */
    { "Name\tAddress\nJo\t1 High St, Avonford\nSam\t2 Low Rd, Avonford\n",
      '\t', 2 },
    { "a|b|c\n1|2|3\n", '|', 3 },
    /* Quoted delimiters don't count. */
    { "\"a,b\";c\n\"d,e,f\";g\n\"h\";i\n", ';', 2 },
    { "Name,Address\nJo,\"1 High St; Flat 2\"\n", ',', 2 },
    /* Quoted line breaks don't start records. */
    { "a;b\n\"1\n2,3,4\n5,6\";c\n", ';', 2 },
    /* One column. */
    { "Name\nJo Bloggs\nSam Lee\n", ',', 1 },
    /* A ragged file still prefers the delimiter most rows agree on. */
    { "a,b,c\n1,2\n1,2,3\n1,2,3\n1,2,3,4\n", ',', 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CrCsv) csv = parse (cases[i].text);

      g_test_message ("case %u", i);
      g_assert_cmpint (cr_csv_get_delimiter (csv), ==, cases[i].delimiter);
      g_assert_cmpuint (cr_csv_record_get_n_fields (csv, 0), ==,
                        cases[i].n_fields);
    }
}

static void
test_forced_delimiter (void)
{
  static const char text[] = "a;b,c\n1;2,3\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CrCsv) comma = parse_len (text, strlen (text), ',', &error);
  g_autoptr (CrCsv) semicolon = parse_len (text, strlen (text), ';', &error);
  g_autoptr (CrCsv) tab = parse_len (text, strlen (text), '\t', &error);

  g_assert_no_error (error);
  g_assert_cmpint (cr_csv_get_delimiter (comma), ==, ',');
  assert_record (comma, 0, 1, "a;b", "c", NULL);
  g_assert_cmpint (cr_csv_get_delimiter (semicolon), ==, ';');
  assert_record (semicolon, 1, 2, "1", "2,3", NULL);
  assert_record (tab, 1, 2, "1;2,3", NULL);
}

static void
test_normalise_header (void)
{
  static const char *const cases[][2] = {
    { "E-mail Address", "emailaddress" },
    { "Post Code", "postcode" },
    { "post_code", "postcode" },
    { "  POSTCODE ", "postcode" },
    { "Phone No.", "phoneno" },
    { "Prénom", "prenom" },
    { "Straße", "strasse" },
    { "Amount (£)", "amount" },
    { "Paid in", "paidin" },
    { "Date 2", "date2" },
    { "", "" },
    { "--", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = cr_csv_normalise_header (cases[i][0]);

      g_assert_cmpstr (key, ==, cases[i][1]);
    }
}

static void
test_find_column (void)
{
  g_autoptr (CrCsv) csv = parse ("Surname,Full Name,E-mail Address,"
                                 "Post code,,Email\n"
                                 "Bloggs,Jo Bloggs,jo@example.org,AV1 2AB,,\n");

  g_assert_cmpint (cr_csv_find_column (csv, (const char *[]) {
                     "email", "emailaddress", NULL }), ==, 2);
  g_assert_cmpint (cr_csv_find_column (csv, (const char *[]) {
                     "Postcode", NULL }), ==, 3);
  /* The first matching column wins, whichever alias matched it. */
  g_assert_cmpint (cr_csv_find_column (csv, (const char *[]) {
                     "name", "full name", "surname", NULL }), ==, 0);
  g_assert_cmpint (cr_csv_find_column (csv, (const char *[]) {
                     "phone", "telephone", NULL }), ==, -1);
  /* An empty heading matches nothing, not even an empty alias. */
  g_assert_cmpint (cr_csv_find_column (csv, (const char *[]) {
                     "", "--", NULL }), ==, -1);
  g_assert_cmpint (cr_csv_find_column (csv, (const char *[]) { NULL }), ==, -1);
}

static char *
field_to_string (const char *value,
                 char        delimiter)
{
  GString *line = g_string_new (NULL);

  cr_csv_append_field (line, value, delimiter);
  return g_string_free (line, FALSE);
}

static void
test_append_field (void)
{
  static const struct
  {
    const char *value;
    char        delimiter;
    const char *expected;
  } cases[] = {
    { "plain", ',', "plain" },
    { "", ',', "" },
    { NULL, ',', "" },
    { "a,b", ',', "\"a,b\"" },
    { "a;b", ',', "a;b" },
    { "a;b", ';', "\"a;b\"" },
    { "a\tb", '\t', "\"a\tb\"" },
    { "a|b", '|', "\"a|b\"" },
    { "say \"hi\"", ',', "\"say \"\"hi\"\"\"" },
    { "two\nlines", ',', "\"two\nlines\"" },
    { "cr\r", ',', "\"cr\r\"" },
    { " lead", ',', "\" lead\"" },
    { "trail ", ',', "\"trail \"" },
    { "inner space", ',', "inner space" },
    { "Seán £5 ’", ',', "Seán £5 ’" },
    /* Formulas are defused... */
    { "=SUM(A1:A2)", ',', "'=SUM(A1:A2)" },
    { "=1,2", ',', "\"'=1,2\"" },
    { "+44 7700 900123", ',', "'+44 7700 900123" },
    { "@user", ',', "'@user" },
    { "-", ',', "'-" },
    { "-1e5", ',', "'-1e5" },
    { "-2+3", ',', "'-2+3" },
    { "\tx", ',', "\"'\tx\"" },
    { "\r=1", ',', "\"'\r=1\"" },
    { "-12,34", ';', "'-12,34" },
    /* ... but plain numbers stay numbers. */
    { "-3.50", ',', "-3.50" },
    { "+12", ',', "+12" },
    { "-.5", ',', "-.5" },
    { "-£1,234.56", ';', "-£1,234.56" },
    { "-1,234", ',', "\"-1,234\"" },
    { "=", ',', "'=" },
    { "a=b", ',', "a=b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = field_to_string (cases[i].value,
                                              cases[i].delimiter);

      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static char *
random_field (void)
{
  static const char *const pieces[] = {
    "a", "Z", "0", "7", " ", " ", ",", ";", "\t", "|", "\"", "\"\"", "\n",
    "'", "=", "-", "+", "@", ".", "é", "£", "’", "ß", "Ó", "😀", "\302\240",
  };
  guint n = g_test_rand_int_range (0, 8);
  GString *field = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (field,
                     pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
  return g_string_free (field, FALSE);
}

static guint
count_newlines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

/* Random fields written by cr_csv_append_field() and read back are the
 * same fields, on the lines they were written on. */
static void
test_round_trip (void)
{
  static const char delimiters[] = { ',', ';', '\t', '|' };

  for (guint round = 0; round < 200; round++)
    {
      char delimiter = delimiters[round % G_N_ELEMENTS (delimiters)];
      const char *eol = g_test_rand_bit () ? "\r\n" : "\n";
      guint n_records = g_test_rand_int_range (1, 12);
      guint n_fields = g_test_rand_int_range (2, 7);
      g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr (GString) text = g_string_new (NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (CrCsv) csv = NULL;

      for (guint r = 0; r < n_records; r++)
        {
          guint line = 1 + count_newlines (text->str);

          g_array_append_val (lines, line);
          for (guint f = 0; f < n_fields; f++)
            {
              /* One field that is not blank, or the file is empty. */
              char *value = r == 0 && f == 0 ? g_strdup ("Name")
                                             : random_field ();

              if (f > 0)
                g_string_append_c (text, delimiter);
              cr_csv_append_field (text, value, delimiter);
              g_ptr_array_add (values, value);
            }
          g_string_append (text, eol);
        }

      csv = parse_len (text->str, text->len, delimiter, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (cr_csv_get_n_records (csv), ==, n_records);

      for (guint r = 0; r < n_records; r++)
        {
          g_assert_cmpuint (cr_csv_get_line (csv, r), ==,
                            g_array_index (lines, guint, r));
          g_assert_cmpuint (cr_csv_record_get_n_fields (csv, r), ==, n_fields);
          for (guint f = 0; f < n_fields; f++)
            {
              const char *value = g_ptr_array_index (values, r * n_fields + f);
              const char *got = cr_csv_get_field (csv, r, f);

              /* Values a spreadsheet would take for a formula come back
               * with the quote that defused them. */
              if (strchr ("=+-@\t", value[0]) != NULL && value[0] != '\0' &&
                  got[0] == '\'')
                got++;
              if (g_strcmp0 (got, value) != 0)
                g_error ("record %u field %u: wrote “%s”, read “%s” from:\n%s",
                         r, f, value, cr_csv_get_field (csv, r, f), text->str);
            }
        }
    }
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
}

static CrCsv *
parse_fixture (const char *name)
{
  g_autofree char *path = fixture (name);
  g_autoptr (GError) error = NULL;
  CrCsv *csv = cr_csv_parse_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  return csv;
}

static void
test_file_utf8_bom (void)
{
  g_autoptr (CrCsv) csv = parse_fixture ("utf8-bom.csv");

  g_assert_cmpstr (cr_csv_get_encoding (csv), ==, "UTF-8 with BOM");
  g_assert_cmpint (cr_csv_get_delimiter (csv), ==, ',');
  g_assert_cmpuint (cr_csv_get_n_records (csv), ==, 3);
  assert_record (csv, 0, 1, "Name", "Email", "Postcode", NULL);
  assert_record (csv, 1, 2, "Seán Ó Súilleabháin", "sean@example.org",
                 "AV1 2AB", NULL);
  assert_record (csv, 2, 3, "Zoë Smith", "zoe@example.org", "AV3 4DD", NULL);
}

static void
test_file_windows_1252 (void)
{
  g_autoptr (CrCsv) csv = parse_fixture ("windows-1252.csv");

  g_assert_cmpstr (cr_csv_get_encoding (csv), ==, "Windows-1252");
  g_assert_cmpint (cr_csv_get_delimiter (csv), ==, ';');
  g_assert_cmpuint (cr_csv_get_n_records (csv), ==, 3);
  assert_record (csv, 1, 2, "Renée Dupont", "Flat 2, Birch House", "£12,50",
                 NULL);
  assert_record (csv, 2, 3, "Tom O’Brien", "“The Willows”", "€10,00", NULL);
}

static void
test_file_semicolon (void)
{
  g_autoptr (CrCsv) csv = parse_fixture ("semicolon.csv");

  g_assert_cmpstr (cr_csv_get_encoding (csv), ==, "UTF-8");
  g_assert_cmpint (cr_csv_get_delimiter (csv), ==, ';');
  g_assert_cmpuint (cr_csv_get_n_records (csv), ==, 4);
  assert_record (csv, 1, 2, "Jo Bloggs", "1 High Street, Avonford", "1,50",
                 NULL);
  assert_record (csv, 2, 3, "Sam; Jr", "2 Low Road", "2,75", NULL);
  assert_record (csv, 3, 4, "Al Khan", "3 Mill Lane", "10", NULL);
}

static void
test_file_tab (void)
{
  g_autoptr (CrCsv) csv = parse_fixture ("tab.tsv");

  g_assert_cmpint (cr_csv_get_delimiter (csv), ==, '\t');
  g_assert_cmpuint (cr_csv_get_n_records (csv), ==, 3);
  assert_record (csv, 1, 2, "Jo Bloggs", "1 High Street, Avonford",
                 "01632 960001", NULL);
}

static void
test_file_embedded_newlines (void)
{
  g_autoptr (CrCsv) csv = parse_fixture ("embedded-newlines.csv");

  g_assert_cmpuint (cr_csv_get_n_records (csv), ==, 4);
  assert_record (csv, 0, 1, "Name", "Address", "Notes", NULL);
  assert_record (csv, 1, 2, "Jo Bloggs", "Flat 1\nBirch House\nAvonford",
                 "Said \"yes\", then left", NULL);
  assert_record (csv, 2, 5, "Sam Lee", "2 Low Road", "", NULL);
  assert_record (csv, 3, 6, "Al\nKhan", "3 Mill Lane", "a,b", NULL);
}

static void
test_file_unterminated (void)
{
  g_autofree char *path = fixture ("unterminated.csv");
  g_autofree char *shown = g_filename_display_name (path);
  g_autofree char *prefix = g_strdup_printf ("%s:3: ", shown);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrCsv) csv = cr_csv_parse_file (path, &error);

  g_assert_null (csv);
  g_assert_error (error, CR_CSV_ERROR, CR_CSV_ERROR_UNTERMINATED);
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

static void
test_file_excel_export (void)
{
  g_autoptr (CrCsv) csv = parse_fixture ("excel-export.csv");

  g_assert_cmpuint (cr_csv_get_n_records (csv), ==, 6);
  assert_record (csv, 0, 1, "Name", "Address", "Phone", "", "", NULL);
  assert_record (csv, 1, 2, "Jo Bloggs", "1 High Street", "01632 960001", "",
                 "", NULL);
  g_assert_true (cr_csv_record_is_blank (csv, 2));
  assert_record (csv, 3, 4, "Sam Lee", "2 Low Road", "01632 960002", "", "",
                 NULL);
  g_assert_true (cr_csv_record_is_blank (csv, 4));
  assert_record (csv, 5, 6, "Al Khan", "3 Mill Lane", "", "", "", NULL);
  g_assert_false (cr_csv_record_is_blank (csv, 5));
  g_assert_cmpint (cr_csv_find_column (csv, (const char *[]) { "phone", NULL }),
                   ==, 2);
}

static void
test_file_utf16le (void)
{
  g_autoptr (CrCsv) csv = parse_fixture ("utf16le.csv");

  g_assert_cmpstr (cr_csv_get_encoding (csv), ==, "UTF-16");
  g_assert_cmpint (cr_csv_get_delimiter (csv), ==, '\t');
  g_assert_cmpuint (cr_csv_get_n_records (csv), ==, 3);
  assert_record (csv, 1, 2, "Seán Ó Súilleabháin", "Flat 3, Birch House",
                 "£12.50", NULL);
  assert_record (csv, 2, 3, "Zoë Smith", "“The Willows”", "€10.00", NULL);
}

static void
test_file_xlsx (void)
{
  g_autofree char *path = fixture ("fake.xlsx");
  g_autoptr (GError) error = NULL;
  g_autoptr (CrCsv) csv = cr_csv_parse_file (path, &error);

  g_assert_null (csv);
  g_assert_error (error, CR_CSV_ERROR, CR_CSV_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "fake.xlsx: "));
  g_assert_nonnull (strstr (error->message, "save it as CSV first"));
}

static void
test_file_errors (void)
{
  g_autofree char *missing = fixture ("no-such-file.csv");
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "csv",
                                                   NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) dir_error = NULL;

  g_assert_null (cr_csv_parse_file (missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "no-such-file.csv"));

  g_assert_null (cr_csv_parse_file (folder, &dir_error));
  g_assert_error (dir_error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
}

static void
test_file_too_large (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cr-csv-XXXXXX", &error);
  g_autofree char *path = NULL;
  int fd;

  g_assert_no_error (error);
  path = g_build_filename (dir, "huge.csv", NULL);

  /* A sparse file: it takes no room on the disk and is never read. */
  fd = g_open (path, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, CR_CSV_MAX_SIZE + 1), ==, 0);
  g_close (fd, NULL);

  g_assert_null (cr_csv_parse_file (path, &error));
  g_assert_error (error, CR_CSV_ERROR, CR_CSV_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.csv: "));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/csv/basic", test_basic);
  g_test_add_func ("/core/csv/quoted", test_quoted);
  g_test_add_func ("/core/csv/line-endings", test_line_endings);
  g_test_add_func ("/core/csv/embedded-newlines", test_embedded_newlines);
  g_test_add_func ("/core/csv/stray-quotes", test_stray_quotes);
  g_test_add_func ("/core/csv/spaces-kept", test_spaces_kept);
  g_test_add_func ("/core/csv/short-rows", test_short_rows);
  g_test_add_func ("/core/csv/empty-lines", test_empty_lines);
  g_test_add_func ("/core/csv/blank-records", test_blank_records);
  g_test_add_func ("/core/csv/error/empty", test_empty);
  g_test_add_func ("/core/csv/error/binary", test_binary);
  g_test_add_func ("/core/csv/error/unterminated", test_unterminated);
  g_test_add_func ("/core/csv/encoding/utf8-bom", test_utf8_bom);
  g_test_add_func ("/core/csv/encoding/windows-1252", test_windows_1252);
  g_test_add_func ("/core/csv/encoding/windows-1252-undefined",
                   test_windows_1252_undefined);
  g_test_add_func ("/core/csv/encoding/utf16", test_utf16);
  g_test_add_func ("/core/csv/encoding/utf16-damaged", test_utf16_damaged);
  g_test_add_func ("/core/csv/delimiter/detect", test_detect_delimiter);
  g_test_add_func ("/core/csv/delimiter/forced", test_forced_delimiter);
  g_test_add_func ("/core/csv/header/normalise", test_normalise_header);
  g_test_add_func ("/core/csv/header/find-column", test_find_column);
  g_test_add_func ("/core/csv/write/append-field", test_append_field);
  g_test_add_func ("/core/csv/write/round-trip", test_round_trip);
  g_test_add_func ("/core/csv/file/utf8-bom", test_file_utf8_bom);
  g_test_add_func ("/core/csv/file/windows-1252", test_file_windows_1252);
  g_test_add_func ("/core/csv/file/semicolon", test_file_semicolon);
  g_test_add_func ("/core/csv/file/tab", test_file_tab);
  g_test_add_func ("/core/csv/file/embedded-newlines",
                   test_file_embedded_newlines);
  g_test_add_func ("/core/csv/file/unterminated", test_file_unterminated);
  g_test_add_func ("/core/csv/file/excel-export", test_file_excel_export);
  g_test_add_func ("/core/csv/file/utf16le", test_file_utf16le);
  g_test_add_func ("/core/csv/file/xlsx", test_file_xlsx);
  g_test_add_func ("/core/csv/file/errors", test_file_errors);
  g_test_add_func ("/core/csv/file/too-large", test_file_too_large);

  return g_test_run ();
}
