/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FeCatalog and FePluralRule: the app's words in a language passed down, not set for the
 * process. Welsh plurals by its six-form rule, lookups with context and plurals, catalogues
 * cut short or corrupt refused without a crash, and a catalogue pushed on one thread leaving
 * the others alone. */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "fe-catalog.h"
#include "fe-column.h"
#include "fe-i18n.h"
#include "fe-plural.h"

/* po/cy.po's rule. */
#define WELSH_RULE "nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : " \
                   "(n==3) ? 3 : (n==6) ? 4 : 5;"

static void
test_plural_welsh (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FePluralRule) rule = fe_plural_rule_new_from_header (WELSH_RULE, &error);
  const struct { gulong n; guint form; } cases[] = {
    { 0, 0 }, { 1, 1 }, { 2, 2 }, { 3, 3 }, { 6, 4 }, { 11, 5 },
    { 4, 5 }, { 5, 5 }, { 7, 5 }, { 100, 5 }, { G_MAXULONG, 5 },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (fe_plural_rule_get_n_forms (rule), ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (fe_plural_rule_eval (rule, cases[i].n), ==, cases[i].form);
}

static void
test_plural_operators (void)
{
  /* Slavic rules use every operator there is: Russian's, checked against its definition. */
  g_autoptr(FePluralRule) russian = fe_plural_rule_new (
    "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)", 3,
    NULL);
  g_autoptr(FePluralRule) negated = fe_plural_rule_new ("!(n > 1)", 2, NULL);
  g_autoptr(FePluralRule) arithmetic = fe_plural_rule_new ("(n * 2 + 1 - 3) / 2 % 3", 3, NULL);
  g_autoptr(FePluralRule) out_of_range = fe_plural_rule_new ("n", 2, NULL);
  g_autoptr(FePluralRule) by_zero = fe_plural_rule_new ("n % 0 ? 1 : 1", 2, NULL);

  g_assert_nonnull (russian);
  for (gulong n = 0; n < 300; n++)
    {
      guint expected = n % 10 == 1 && n % 100 != 11 ? 0
                       : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20) ? 1 : 2;

      g_assert_cmpuint (fe_plural_rule_eval (russian, n), ==, expected);
    }
  g_assert_cmpuint (fe_plural_rule_eval (negated, 1), ==, 1);
  g_assert_cmpuint (fe_plural_rule_eval (negated, 2), ==, 0);
  g_assert_cmpuint (fe_plural_rule_eval (arithmetic, 4), ==, ((4 * 2 + 1 - 3) / 2) % 3);
  /* A form the catalogue does not have, or a division by zero, is form 0, as in GNU. */
  g_assert_cmpuint (fe_plural_rule_eval (out_of_range, 5), ==, 0);
  g_assert_cmpuint (fe_plural_rule_eval (by_zero, 5), ==, 0);
}

static void
test_plural_refuses (void)
{
  const char *bad[] = {
    "", "n ==", "(n", "n)", "n ? 1", "n ? 1 :", "nn", "m", "n = 1", "n & 1", "n | 1",
    "99999999999999999999999999", "n <> 1", "1 2", "plural", "n != 1; extra",
  };
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) long_chain = g_string_new ("n");
  g_autoptr(GString) many_nots = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FePluralRule) rule = fe_plural_rule_new (bad[i], 2, &error);

      g_assert_null (rule);
      g_assert_error (error, FE_PLURAL_ERROR, FE_PLURAL_ERROR_PARSE);
    }
  /* Deeper, longer or stranger than any language's rule: refused, never a stack overflow. */
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, '(');
  g_string_append_c (deep, 'n');
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, ')');
  g_assert_null (fe_plural_rule_new (deep->str, 2, NULL));
  for (guint i = 0; i < 400; i++)
    g_string_append (long_chain, "+n");
  g_assert_null (fe_plural_rule_new (long_chain->str, 2, NULL));
  for (guint i = 0; i < 200; i++)
    g_string_append_c (many_nots, '!');
  g_string_append_c (many_nots, 'n');
  g_assert_null (fe_plural_rule_new (many_nots->str, 2, NULL));
  g_assert_null (fe_plural_rule_new ("n != 1", 0, NULL));
  g_assert_null (fe_plural_rule_new_from_header ("nplurals=2;", NULL));
  g_assert_null (fe_plural_rule_new_from_header ("plural=n != 1;", NULL));
}

/* A .mo file as msgfmt writes one: originals sorted, no hash table. */
typedef struct
{
  const char *original;  /* "msgid", "ctx\004msgid" or "msgid\0plural" (with its length) */
  gsize       original_length;
  const char *translation;
  gsize       translation_length;
} Message;

static GBytes *
build_mo (const Message *messages,
          guint          n)
{
  g_autoptr(GByteArray) mo = g_byte_array_new ();
  guint32 header[7] = { 0x950412de, 0, n, 28, 28 + 8 * n, 0, 28 + 16 * n };
  guint32 offset = 28 + 16 * n;
  g_autoptr(GByteArray) strings = g_byte_array_new ();
  guint8 nul = 0;

  g_byte_array_append (mo, (guint8 *) header, sizeof header);
  for (guint table = 0; table < 2; table++)
    for (guint i = 0; i < n; i++)
      {
        const char *text = table == 0 ? messages[i].original : messages[i].translation;
        guint32 length = (guint32) (table == 0 ? messages[i].original_length
                                               : messages[i].translation_length);
        guint32 entry[2] = { length, offset + strings->len };

        g_byte_array_append (mo, (guint8 *) entry, sizeof entry);
        g_byte_array_append (strings, (const guint8 *) text, length);
        g_byte_array_append (strings, &nul, 1);
      }
  g_byte_array_append (mo, strings->data, strings->len);
  return g_byte_array_free_to_bytes (g_steal_pointer (&mo));
}

#define M(original, translation) { original, sizeof original - 1, translation, \
                                   sizeof translation - 1 }

static const Message welsh_messages[] = {
  M ("", "Content-Type: text/plain; charset=UTF-8\n"
         "Plural-Forms: nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : "
         "(n==6) ? 4 : 5;\n"),
  M ("%u quote\0%u quotes", "%u dyfyniad-0\0%u dyfyniad-1\0%u ddyfyniad-2\0%u dyfyniad-3\0"
                            "%u dyfyniad-6\0%u o ddyfyniadau"),
  M ("Only two\0Only twos", "un\0dau"),
  M ("Other", "Arall (heb gyd-destun)"),
  M ("Yes", "Ydw"),
  M ("group\004Other", "Arall"),
};

static FeCatalog *
welsh_catalog (void)
{
  g_autoptr(GBytes) bytes = build_mo (welsh_messages, G_N_ELEMENTS (welsh_messages));
  g_autoptr(GError) error = NULL;
  FeCatalog *catalog = fe_catalog_new_from_bytes (bytes, "cy", &error);

  g_assert_no_error (error);
  return catalog;
}

static void
test_catalog_lookups (void)
{
  g_autoptr(FeCatalog) catalog = welsh_catalog ();
  const char *forms[] = { "%u dyfyniad-0", "%u dyfyniad-1", "%u ddyfyniad-2", "%u dyfyniad-3",
                          "%u o ddyfyniadau", "%u o ddyfyniadau", "%u dyfyniad-6" };
  const gulong numbers[] = { 0, 1, 2, 3, 4, 11, 6 };

  g_assert_cmpstr (fe_catalog_get_language (catalog), ==, "cy");
  g_assert_cmpstr (fe_catalog_gettext (catalog, "Yes"), ==, "Ydw");
  /* What it has not: the msgid, never NULL or the header. */
  g_assert_cmpstr (fe_catalog_gettext (catalog, "No"), ==, "No");
  g_assert_cmpstr (fe_catalog_gettext (catalog, ""), ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_assert_cmpstr (fe_catalog_ngettext (catalog, "%u quote", "%u quotes", numbers[i]), ==,
                     forms[i]);
  /* A translation with fewer forms than the rule asks for falls back to English's. */
  g_assert_cmpstr (fe_catalog_ngettext (catalog, "Only two", "Only twos", 1), ==, "dau");
  g_assert_cmpstr (fe_catalog_ngettext (catalog, "Only two", "Only twos", 11), ==, "Only twos");
  g_assert_cmpstr (fe_catalog_ngettext (catalog, "%u answer", "%u answers", 1), ==, "%u answer");
  g_assert_cmpstr (fe_catalog_ngettext (catalog, "%u answer", "%u answers", 2), ==, "%u answers");
  g_assert_cmpstr (fe_catalog_pgettext (catalog, "group", "Other"), ==, "Arall");
  g_assert_cmpstr (fe_catalog_gettext (catalog, "Other"), ==, "Arall (heb gyd-destun)");
  g_assert_cmpstr (fe_catalog_pgettext (catalog, "list", "Other"), ==, "Other");
  g_assert_cmpuint (fe_catalog_get_plural_form (catalog, 6), ==, 4);
}

static void
test_catalog_installed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FeCatalog) welsh = fe_catalog_new_for_language ("cy_GB.UTF-8", &error);
  g_autoptr(FeCatalog) english = fe_catalog_new_for_language ("en_GB.UTF-8", NULL);
  g_autoptr(FeCatalog) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (fe_catalog_get_language (welsh), ==, "cy");
  g_assert_cmpstr (fe_catalog_pgettext (welsh, "group", "Other"), ==, "Arall");
  g_assert_cmpstr (fe_catalog_gettext (welsh, "Page %u of %u"), ==, "Tudalen %u o %u");
  g_assert_cmpstr (fe_catalog_ngettext (welsh, "%u respondent", "%u respondents", 1), ==,
                   "%u ymatebydd");
  g_assert_cmpstr (fe_catalog_ngettext (welsh, "%u respondent", "%u respondents", 11), ==,
                   "%u o ymatebwyr");
  /* English is the source: no file, every msgid as it is. */
  g_assert_cmpstr (fe_catalog_get_language (english), ==, "en_GB.UTF-8");
  g_assert_cmpstr (fe_catalog_pgettext (english, "group", "Other"), ==, "Other");
  g_assert_cmpstr (fe_catalog_ngettext (english, "%u respondent", "%u respondents", 0), ==,
                   "%u respondents");

  missing = fe_catalog_new_for_language ("fr", &error);
  g_assert_null (missing);
  g_assert_error (error, FE_CATALOG_ERROR, FE_CATALOG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A language is a name, not a way out of the locale directory. */
  g_assert_null (fe_catalog_new_for_language ("../../../etc", &error));
  g_assert_error (error, FE_CATALOG_ERROR, FE_CATALOG_ERROR_NOT_FOUND);
}

static void
assert_refused (GBytes     *bytes,
                const char *why)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FeCatalog) catalog = fe_catalog_new_from_bytes (bytes, "cy", &error);

  if (catalog != NULL)
    g_error ("a catalogue %s was read", why);
  g_assert_error (error, FE_CATALOG_ERROR, FE_CATALOG_ERROR_CORRUPT);
}

static GBytes *
installed_welsh (void)
{
  g_autofree char *path = g_build_filename (fe_catalog_get_localedir (), "cy", "LC_MESSAGES",
                                            GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GError) error = NULL;
  char *data;
  gsize length;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static void
test_catalog_truncated (void)
{
  g_autoptr(GBytes) whole = installed_welsh ();
  gsize size = g_bytes_get_size (whole);
  const guint8 *data = g_bytes_get_data (whole, NULL);

  /* Cut anywhere, it is refused: every length and offset is checked against the end. Each
   * copy is exactly as long as the cut, so that a read past it is caught under ASan. */
  for (gsize length = 0; length < size; length += length < 256 ? 1 : 61)
    {
      g_autoptr(GBytes) cut = g_bytes_new (data, length);

      assert_refused (cut, "cut short");
    }
}

static void
set_word (GByteArray *mo,
          gsize       offset,
          guint32     value)
{
  memcpy (mo->data + offset, &value, sizeof value);
}

static GByteArray *
welsh_copy (void)
{
  g_autoptr(GBytes) bytes = build_mo (welsh_messages, G_N_ELEMENTS (welsh_messages));
  GByteArray *mo = g_byte_array_new ();

  g_byte_array_append (mo, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return mo;
}

static void
test_catalog_corrupt (void)
{
  const struct { gsize offset; guint32 value; const char *why; } corruptions[] = {
    { 0, 0x12345678, "with another magic number" },
    { 4, 0x00020000, "of a newer format" },
    { 8, 0x7fffffff, "counting more messages than it holds" },
    { 8, 0x20000000, "whose tables would overflow" },
    { 12, 0xfffffff0, "with its originals past its end" },
    { 16, 0x00000002, "with a misaligned table" },
    { 28 + 8, 0xffffffff, "with a message longer than the file" },
    { 28 + 12, 0xfffffffe, "with a message past its end" },
    { 28 + 48 + 8, 3, "with a message not ended by a NUL" },
  };
  const guint n = G_N_ELEMENTS (welsh_messages);
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);

  for (guint i = 0; i < G_N_ELEMENTS (corruptions); i++)
    {
      g_autoptr(GByteArray) mo = welsh_copy ();
      g_autoptr(GBytes) bytes = NULL;

      set_word (mo, corruptions[i].offset, corruptions[i].value);
      bytes = g_bytes_new (mo->data, mo->len);
      assert_refused (bytes, corruptions[i].why);
    }

  /* Out of order: a binary search would miss messages. Swap the entries of "Other" and
   * "Yes". */
  {
    g_autoptr(GByteArray) mo = welsh_copy ();
    g_autoptr(GBytes) bytes = NULL;
    guint8 entry[8];

    memcpy (entry, mo->data + 28 + 3 * 8, 8);
    memmove (mo->data + 28 + 3 * 8, mo->data + 28 + 4 * 8, 8);
    memcpy (mo->data + 28 + 4 * 8, entry, 8);
    bytes = g_bytes_new (mo->data, mo->len);
    assert_refused (bytes, "out of order");
  }

  /* A Plural-Forms that does not parse. */
  {
    Message broken[G_N_ELEMENTS (welsh_messages)];
    g_autoptr(GBytes) bytes = NULL;

    memcpy (broken, welsh_messages, sizeof broken);
    broken[0].translation = "Plural-Forms: nplurals=6; plural=(n==0 ? 0;\n";
    broken[0].translation_length = strlen (broken[0].translation);
    bytes = build_mo (broken, n);
    assert_refused (bytes, "with a broken plural rule");
  }

  /* Random damage anywhere: refused or read, never a crash or a read out of bounds, and
   * whatever was read answers lookups. */
  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GByteArray) mo = welsh_copy ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(FeCatalog) catalog = NULL;
      guint damage = (guint) g_rand_int_range (rand, 1, 6);

      for (guint d = 0; d < damage; d++)
        mo->data[g_rand_int_range (rand, 0, (gint32) mo->len)] = (guint8) g_rand_int (rand);
      bytes = g_bytes_new (mo->data, mo->len);
      catalog = fe_catalog_new_from_bytes (bytes, "cy", NULL);
      if (catalog == NULL)
        continue;
      for (guint i = 0; i < n; i++)
        {
          (void) fe_catalog_gettext (catalog, welsh_messages[i].original);
          for (gulong number = 0; number < 12; number++)
            (void) fe_catalog_ngettext (catalog, welsh_messages[i].original, "plural", number);
        }
    }
}

/* The catalogue pushed on a thread is that thread's: _() and the codebook's labels follow
 * it there, and nowhere else. */
typedef struct
{
  FeCatalog  *catalog;
  FeColumn   *column;
  const char *word;
  const char *level;
} ThreadWords;

static gpointer
read_words (gpointer data)
{
  ThreadWords *words = data;

  fe_catalog_push_thread_default (words->catalog);
  for (guint i = 0; i < 1000; i++)
    {
      words->word = C_("group", "Other");
      words->level = fe_column_get_display_level (words->column, 0);
      g_assert_cmpstr (words->word, ==, fe_catalog_pgettext (words->catalog, "group", "Other"));
    }
  fe_catalog_pop_thread_default (words->catalog);
  return NULL;
}

static void
test_catalog_per_thread (void)
{
  g_autoptr(FeCatalog) welsh = welsh_catalog ();
  g_autoptr(FeCatalog) english = fe_catalog_new_source ("en");
  FeColumn *column = fe_column_new (0, 0, "force");
  ThreadWords in_welsh = { welsh, column, NULL, NULL };
  ThreadWords in_english = { english, column, NULL, NULL };
  GThread *a, *b;

  fe_column_add_level (column, "Gwent Police", 1);
  fe_column_set_level_translation (column, "cy", "Gwent Police", "Heddlu Gwent");

  a = g_thread_new ("welsh", read_words, &in_welsh);
  b = g_thread_new ("english", read_words, &in_english);
  g_thread_join (a);
  g_thread_join (b);
  g_assert_cmpstr (in_welsh.word, ==, "Arall");
  g_assert_cmpstr (in_welsh.level, ==, "Heddlu Gwent");
  g_assert_cmpstr (in_english.word, ==, "Other");
  g_assert_cmpstr (in_english.level, ==, "Gwent Police");

  /* Here, nothing pushed: the process's language (English in the tests) and the column's own
   * display language, which no thread changed. */
  g_assert_null (fe_catalog_get_thread_default ());
  g_assert_cmpstr (C_("group", "Other"), ==, "Other");
  g_assert_null (column->language);
  g_assert_cmpstr (fe_column_get_display_level (column, 0), ==, "Gwent Police");
  g_assert_cmpstr (fe_column_get_level_in (column, 0, "cy"), ==, "Heddlu Gwent");

  /* Pushes nest. */
  fe_catalog_push_thread_default (welsh);
  fe_catalog_push_thread_default (english);
  g_assert_cmpstr (C_("group", "Other"), ==, "Other");
  fe_catalog_pop_thread_default (english);
  g_assert_cmpstr (C_("group", "Other"), ==, "Arall");
  g_assert_cmpstr (ngettext ("%u quote", "%u quotes", 11), ==, "%u o ddyfyniadau");
  fe_catalog_pop_thread_default (welsh);
  g_assert_null (fe_catalog_get_thread_default ());
  fe_column_free (column);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/catalog/plural-welsh", test_plural_welsh);
  g_test_add_func ("/core/catalog/plural-operators", test_plural_operators);
  g_test_add_func ("/core/catalog/plural-refuses", test_plural_refuses);
  g_test_add_func ("/core/catalog/lookups", test_catalog_lookups);
  g_test_add_func ("/core/catalog/installed", test_catalog_installed);
  g_test_add_func ("/core/catalog/truncated", test_catalog_truncated);
  g_test_add_func ("/core/catalog/corrupt", test_catalog_corrupt);
  g_test_add_func ("/core/catalog/per-thread", test_catalog_per_thread);
  return g_test_run ();
}
