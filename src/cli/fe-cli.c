/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-cli-private.h"

#include "fe-i18n.h"
#include <string.h>

#include "fe-enum.h"
#include "fe-file.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
} Verb;

static const Verb verbs[] = {
  { "summary", fe_cli_summary },
  { "quotes", fe_cli_quotes },
  { "export", fe_cli_export },
  { "brief", fe_cli_brief },
  { "audit", fe_cli_audit },
  { "inspect", fe_cli_inspect },
};

gboolean
fe_cli_is_verb (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_strcmp0 (word, verbs[i].name) == 0)
      return TRUE;
  return FALSE;
}

gboolean
fe_cli_is_mistyped_verb (const char *word)
{
  /* A bare word that names no file is a verb misspelt, not a study to open. */
  return word[0] != '-' && strchr (word, '.') == NULL && strchr (word, G_DIR_SEPARATOR) == NULL
         && !g_file_test (word, G_FILE_TEST_EXISTS);
}

void
fe_cli_print_usage (FILE *out)
{
  fprintf (out, "%s\n  findings-explorer summary [%s] [--question ID] [--by ID] "
                "[--filter ID=LEVEL[,LEVEL…]]… [--json] STUDY\n"
                "  findings-explorer quotes  [%s] [--question ID [--level LABEL]] "
                "[--by ID --group LABEL] [--respondent ID] [--filter …]… [--json] STUDY\n"
                "  findings-explorer export  [%s] --question ID [--by ID] [--filter …]… "
                "[--kind KIND] [--measure count|percent] [--width PX --height PX] [--scale N] "
                "[--dark] [--min-cell K] [--fold-small] [--lang en|cy] [--layout LAYOUT.json] "
                "-o OUT.png|OUT.svg|OUT.pdf STUDY\n"
                "  findings-explorer brief   [--min-cell K] [--no-fold] [--lang en|cy] "
                "[--force] -o OUT.pdf PROJECT\n"
                "  findings-explorer audit   [--min-cell K] [--no-fold] PROJECT\n"
                "  findings-explorer inspect [%s] [--json] STUDY\n\n%s\n",
           _("Usage:"), _("STUDY-OPTIONS"), _("STUDY-OPTIONS"), _("STUDY-OPTIONS"),
           _("STUDY-OPTIONS"),
           _("STUDY is a responses CSV file, an Excel workbook (.xlsx), a project (.findings), or "
             "--sample for the bundled sample study.\n"
             "STUDY-OPTIONS: --codebook FILE, --coding FILE, --sheet NAME|N, "
             "--include-incomplete.\n"
             "Run “findings-explorer VERB --help” for the options of a verb."));
}

static FeCatalog *resolve_catalog (int    argc,
                                   char **argv);

static int
run_verb (int    argc,
          char **argv)
{
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (strcmp (argv[1], verbs[i].name) == 0)
      return verbs[i].run (argc - 1, argv + 1);

  fe_cli_usage_error (_("“%s” is not a verb or a file."), argv[1]);
  fe_cli_print_usage (stderr);
  return FE_CLI_EXIT_USAGE;
}

int
fe_cli_run (int    argc,
            char **argv)
{
  g_autoptr(FeCatalog) catalog = NULL;
  int status;

  g_return_val_if_fail (argc >= 2, FE_CLI_EXIT_USAGE);

  catalog = resolve_catalog (argc, argv);
  fe_catalog_push_thread_default (catalog);
  status = run_verb (argc, argv);
  fe_catalog_pop_thread_default (catalog);
  return status;
}

char *
fe_cli_escape_terminal (const char *text)
{
  const char *end = text + strlen (text);
  GString *out = g_string_sized_new ((gsize) (end - text));

  for (const char *p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8 (the loader converts data, but a file name need not be): the byte is
           * shown, never sent. */
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      next = g_utf8_next_char (p);
      /* C0 but newline and tab, DEL, and C1, whose CSI (U+009B) some terminals obey as
       * ESC [ does; written as JSON writes them, so that JSON output stays JSON. */
      if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }
  return g_string_free (out, FALSE);
}

void
fe_cli_print (const char *text)
{
  g_autofree char *escaped = fe_cli_escape_terminal (text);

  fputs (escaped, stdout);
}

void
fe_cli_print_error (const char *message)
{
  g_autofree char *escaped = fe_cli_escape_terminal (message);

  fprintf (stderr, "findings-explorer: %s\n", escaped);
}

gboolean
fe_cli_check_query_set (const FeFilter *filter,
                        guint           k,
                        int            *exit_code)
{
  g_autoptr(GError) error = NULL;

  if (fe_filter_check_query_set (filter, k, &error))
    return TRUE;
  fe_cli_print_error (error->message);
  *exit_code = FE_CLI_EXIT_REFUSED;
  return FALSE;
}

gboolean
fe_cli_check_weighted (FeStudy    *study,
                       const char *study_path,
                       int        *exit_code)
{
  g_autofree char *name = NULL;

  if (fe_study_get_weights (study) != NULL)
    return TRUE;
  name = study_path != NULL ? g_path_get_basename (study_path)
                            : g_strdup (fe_study_get_name (study));
  if (fe_study_get_weight_variable (study) != NULL)
    fe_cli_usage_error (_("--weighted: %s declares %s as its case weight, but it holds no "
                          "numbers to weight by."),
                        name, fe_study_get_weight_variable (study));
  else
    fe_cli_usage_error (_("--weighted: %s declares no case weight. Only an SPSS or Stata file "
                          "saved with a weight variable (WEIGHT BY) has one."),
                        name);
  *exit_code = FE_CLI_EXIT_USAGE;
  return FALSE;
}

void
fe_cli_usage_error (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fe_cli_print_error (message);
}

void
fe_cli_usage_error_choices (const char *option,
                            const char *value,
                            GType       choices)
{
  g_autofree char *nicks = fe_enum_dup_nicks (choices);

  /* Translators: a command-line value not among the choices: "--kind pie: choose one of auto,
   * bar, grouped-bar, stacked, diverging, heatmap." */
  fe_cli_usage_error (_("%s %s: choose one of %s."), option, value, nicks);
}

void
fe_cli_study_options_add_entries (GOptionContext    *context,
                                  FeCliStudyOptions *options)
{
  const GOptionEntry entries[] = {
    { "codebook", 0, 0, G_OPTION_ARG_FILENAME, &options->codebook,
      N_("The codebook: role, label and levels of each column"), N_("FILE") },
    { "coding", 0, 0, G_OPTION_ARG_FILENAME, &options->coding,
      N_("The coding of open answers: respondent, question, code, excerpt, note"), N_("FILE") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &options->sheet,
      N_("Of an Excel workbook: the sheet to read, by name or number from 1 (default: the "
         "first with data)"), N_("NAME|N") },
    { "include-incomplete", 0, 0, G_OPTION_ARG_NONE, &options->include_incomplete,
      N_("Count responses that answered nothing beyond consent"), NULL },
    { "sample", 0, 0, G_OPTION_ARG_NONE, &options->sample,
      N_("Use the bundled sample study instead of a file"), NULL },
    { "filter", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->filters,
      N_("Count only respondents with one of these levels (repeatable)"), N_("ID=LEVEL[,LEVEL…]") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options->json, N_("Print JSON"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

void
fe_cli_study_options_clear (FeCliStudyOptions *options)
{
  g_clear_pointer (&options->codebook, g_free);
  g_clear_pointer (&options->coding, g_free);
  g_clear_pointer (&options->sheet, g_free);
  g_clear_pointer (&options->filters, g_strfreev);
  g_clear_pointer (&options->lang, g_free);
  g_clear_pointer (&options->min_cell_text, g_free);
  g_clear_object (&options->project);
}

/* The languages of the interface: English, the source, and Welsh (po/cy.po). */
static gboolean
lang_is_valid (const char *lang)
{
  return g_strcmp0 (lang, "en") == 0 || g_strcmp0 (lang, "cy") == 0;
}

/* The catalogue of the run: --lang's when it is valid, else the session's language (LANGUAGE,
 * LC_MESSAGES…). It is pushed on the main thread for the whole run, before anything is
 * translated, so that the verb's words, the core's messages, --help and the codebook's labels
 * are all in that language, without touching the process's locale or LANGUAGE. A language
 * whose catalogue is not installed still shows the codebook's labels in it, as before. */
static FeCatalog *
resolve_catalog (int    argc,
                 char **argv)
{
  const char *lang = NULL;
  g_autoptr(GError) error = NULL;
  FeCatalog *catalog;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        break;
      if (strcmp (argv[i], "--lang") == 0 && i + 1 < argc)
        lang = argv[i + 1];
      else if (g_str_has_prefix (argv[i], "--lang="))
        lang = argv[i] + strlen ("--lang=");
    }
  /* An invalid one is left for fe_cli_check_lang() to report. */
  if (!lang_is_valid (lang))
    lang = fe_study_language_from_locale ();
  if (lang == NULL)
    return NULL;
  catalog = fe_catalog_new_for_language (lang, &error);
  if (catalog == NULL)
    catalog = fe_catalog_new_source (lang);
  return catalog;
}

FeCatalog *
fe_cli_get_catalog (void)
{
  return fe_catalog_get_thread_default ();
}

static const char *
translate_option (const char *text,
                  gpointer    data)
{
  return _(text);
}

void
fe_cli_add_lang_entry (GOptionContext    *context,
                       FeCliStudyOptions *options,
                       const char        *description)
{
  const GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &options->lang, description, N_("LANG") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

gboolean
fe_cli_check_lang (FeCliStudyOptions *options)
{
  if (options->lang == NULL || lang_is_valid (options->lang))
    return TRUE;
  fe_cli_usage_error (_("--lang %s: choose en (English) or cy (Welsh)."), options->lang);
  return FALSE;
}

void
fe_cli_add_min_cell_entry (GOptionContext    *context,
                           FeCliStudyOptions *options,
                           const char        *description)
{
  const GOptionEntry entries[] = {
    /* Read as text: GOption would take "-2147483648" for FE_CLI_MIN_CELL_UNSET. */
    { "min-cell", 0, 0, G_OPTION_ARG_STRING, &options->min_cell_text, description, N_("K") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

gboolean
fe_cli_check_min_cell (FeCliStudyOptions *options)
{
  guint k;

  if (options->min_cell_text == NULL)
    return TRUE;
  if (fe_project_parse_min_cell (options->min_cell_text, &k))
    {
      options->min_cell = (int) k;
      return TRUE;
    }
  fe_cli_usage_error (_("--min-cell %s: give a whole number of respondents from 0 (every "
                        "number shown) to %u."),
                      options->min_cell_text, (guint) FE_PROJECT_MAX_MIN_CELL);
  return FALSE;
}

guint
fe_cli_get_min_cell (FeCliStudyOptions *options,
                     guint              fallback)
{
  if (options->min_cell != FE_CLI_MIN_CELL_UNSET)
    return (guint) options->min_cell;
  if (options->project != NULL)
    return fe_project_get_min_cell (options->project);
  return fallback;
}

gboolean
fe_cli_is_project_path (const char *path)
{
  g_autofree char *lower = NULL;

  if (path == NULL)
    return FALSE;
  lower = g_ascii_strdown (path, -1);
  return g_str_has_suffix (lower, ".findings");
}

static char *
sample_project_path (void)
{
  g_autofree char *dir = fe_study_find_sample_dir ();

  return dir != NULL ? g_build_filename (dir, "sample.findings", NULL) : NULL;
}

/* A project holds the paths of its tables, its include-incomplete and its min-cell. */
static FeStudy *
load_project (FeCliStudyOptions *options,
              const char        *path,
              int               *exit_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FeProject) project = NULL;
  g_autoptr(FeStudy) study = NULL;

  if (options->codebook != NULL || options->coding != NULL || options->sheet != NULL)
    {
      fe_cli_usage_error (_("A project names its own codebook, coding and sheet; --codebook, "
                            "--coding and --sheet go with a responses file."));
      *exit_code = FE_CLI_EXIT_USAGE;
      return NULL;
    }
  if (path == NULL)
    {
      fe_cli_usage_error (_("The sample project is not installed. Reinstall Findings Explorer, "
                            "or set FE_SAMPLE_DIR to the folder that holds sample.findings."));
      *exit_code = FE_CLI_EXIT_BAD_DATA;
      return NULL;
    }
  if ((project = fe_project_load (path, &error)) == NULL
      || (study = fe_project_load_study (project, NULL, &error)) == NULL)
    {
      fe_cli_print_error (error->message);
      *exit_code = FE_CLI_EXIT_BAD_DATA;
      return NULL;
    }
  /* --include-incomplete adds to what the project says; it cannot take it away. */
  if (options->include_incomplete)
    fe_study_set_include_incomplete (study, TRUE);
  g_set_object (&options->project, project);
  return g_steal_pointer (&study);
}

gboolean
fe_cli_parse (GOptionContext    *context,
              FeCliStudyOptions *options,
              int               *argc,
              char            ***argv,
              const char       **study_path,
              int               *exit_code)
{
  g_autoptr(GError) error = NULL;

  /* The options' descriptions in the run's language (fe_cli_get_catalog()). */
  g_option_context_set_translate_func (context, translate_option, NULL, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      fe_cli_usage_error ("%s", error->message);
      *exit_code = FE_CLI_EXIT_USAGE;
      return FALSE;
    }

  if (options->sample && *argc == 1)
    *study_path = NULL;
  else if (!options->sample && *argc == 2)
    *study_path = (*argv)[1];
  else
    {
      fe_cli_usage_error (options->sample
                          ? _("--sample takes the place of STUDY; give one or the other.")
                          : _("Name one STUDY: a responses CSV file, a project (.findings), or "
                              "--sample."));
      *exit_code = FE_CLI_EXIT_USAGE;
      return FALSE;
    }
  return TRUE;
}

/* The window says which columns it hides as identifying; so does every verb, on stderr, so
 * that a script's output stays clean and nobody wonders where IPAddress went. */
static void
print_hidden_columns (FeStudy *study)
{
  GPtrArray *hidden = fe_study_get_hidden_columns (study);
  g_autoptr(GString) names = g_string_new (NULL);

  if (hidden->len == 0)
    return;
  for (guint i = 0; i < hidden->len; i++)
    {
      if (i > 0)
        /* Translators: between the names of columns in a list */
        g_string_append (names, C_("list", ", "));
      g_string_append (names, ((FeColumn *) g_ptr_array_index (hidden, i))->id);
    }
  /* Translators: the columns left out of every count and quote because they could identify
   * respondents, "Hidden as identifying: IPAddress, Email" */
  {
    g_autofree char *escaped = fe_cli_escape_terminal (names->str);

    fprintf (stderr, _("Hidden as identifying: %s\n"), escaped);
  }
}

FeStudy *
fe_cli_load_study (FeCliStudyOptions *options,
                   const char        *study_path,
                   int               *exit_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FeStudy) study = NULL;

  if (fe_cli_is_project_path (study_path) || (study_path == NULL && options->sample_is_project))
    {
      g_autofree char *sample = study_path == NULL ? sample_project_path () : NULL;

      study = load_project (options, study_path != NULL ? study_path : sample, exit_code);
      if (study == NULL)
        return NULL;
    }
  else if (study_path == NULL && (options->codebook != NULL || options->coding != NULL))
    {
      fe_cli_usage_error (_("The sample study has its own codebook and coding; --codebook and "
                            "--coding go with a responses file."));
      *exit_code = FE_CLI_EXIT_USAGE;
      return NULL;
    }
  else if (options->sheet != NULL && study_path == NULL)
    {
      fe_cli_usage_error (_("--sheet goes with an Excel workbook (.xlsx)."));
      *exit_code = FE_CLI_EXIT_USAGE;
      return NULL;
    }
  else
    {
      FeLoadOptions load_options = { .sheet = options->sheet };

      study = study_path ? fe_study_load_full (study_path, options->codebook, options->coding,
                                               &load_options, &error)
                         : fe_study_load_sample (&error);
      if (study == NULL)
        {
          fe_cli_print_error (error->message);
          *exit_code = FE_CLI_EXIT_BAD_DATA;
          return NULL;
        }
      fe_study_set_include_incomplete (study, options->include_incomplete);
    }

  for (guint i = 0; !options->reports_warnings && i < fe_study_get_warnings (study)->len; i++)
    {
      g_autofree char *escaped = fe_cli_escape_terminal (g_ptr_array_index (
                                                          fe_study_get_warnings (study), i));

      fprintf (stderr, "%s %s\n", _("Warning:"), escaped);
    }
  print_hidden_columns (study);
  return g_steal_pointer (&study);
}

/* The files @options read the study from. */
static GPtrArray *
list_inputs (FeCliStudyOptions *options,
             const char        *study_path)
{
  GPtrArray *inputs = g_ptr_array_new_with_free_func (g_free);

  if (options->project != NULL)
    {
      g_ptr_array_add (inputs, g_strdup (fe_project_get_path (options->project)));
      g_ptr_array_add (inputs, g_strdup (fe_project_get_responses (options->project)));
      g_ptr_array_add (inputs, g_strdup (fe_project_get_codebook (options->project)));
      g_ptr_array_add (inputs, g_strdup (fe_project_get_coding (options->project)));
    }
  else if (study_path != NULL)
    {
      g_ptr_array_add (inputs, g_strdup (study_path));
      g_ptr_array_add (inputs, g_strdup (options->codebook));
      g_ptr_array_add (inputs, g_strdup (options->coding));
    }
  else
    {
      g_autofree char *dir = fe_study_find_sample_dir ();
      const char *names[] = { "responses.csv", "codebook.csv", "coding.csv" };

      for (guint i = 0; dir != NULL && i < G_N_ELEMENTS (names); i++)
        g_ptr_array_add (inputs, g_build_filename (dir, names[i], NULL));
    }
  return inputs;
}

gboolean
fe_cli_check_output (FeCliStudyOptions *options,
                     const char        *study_path,
                     const char        *option,
                     const char        *output,
                     int               *exit_code)
{
  g_autoptr(GPtrArray) inputs = list_inputs (options, study_path);

  for (guint i = 0; output != NULL && i < inputs->len; i++)
    if (fe_file_is_same (output, g_ptr_array_index (inputs, i)))
      {
        fe_cli_usage_error (_("%s %s: that is %s, which the study is read from, and input "
                              "files are never written to. Choose another file."),
                            option, output, (const char *) g_ptr_array_index (inputs, i));
        *exit_code = FE_CLI_EXIT_USAGE;
        return FALSE;
      }
  return TRUE;
}

FeColumn *
fe_cli_find_question (FeStudy    *study,
                      const char *option,
                      const char *id,
                      int        *exit_code)
{
  FeColumn *column = fe_study_find_column (study, id);

  if (column == NULL || column->role == FE_ROLE_IGNORE || column->role == FE_ROLE_ID)
    {
      g_autofree char *valid = fe_study_list_question_ids (study);

      fe_cli_usage_error (_("%s: there is no question “%s”. Questions: %s."), option, id, valid);
      *exit_code = FE_CLI_EXIT_USAGE;
      return NULL;
    }
  return column;
}

static char *
list_levels (const FeColumn *column)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint l = 0; l < fe_column_get_n_levels (column); l++)
    g_string_append_printf (list, "%s“%s”", l ? ", " : "", fe_column_get_level (column, l));
  return g_string_free (g_steal_pointer (&list), FALSE);
}

int
fe_cli_find_level (FeColumn   *column,
                   const char *label,
                   int        *exit_code)
{
  int level = fe_column_find_level (column, label);

  if (level < 0)
    {
      g_autofree char *valid = list_levels (column);

      fe_cli_usage_error (_("%s has no level “%s”. Its levels: %s."), column->id, label, valid);
      *exit_code = FE_CLI_EXIT_USAGE;
    }
  return level;
}

/* Levels are comma-separated, but a label may itself hold a comma: pieces are joined until they
 * name a level. */
static gboolean
add_filter_levels (FeFilter   *filter,
                   FeColumn   *column,
                   const char *spec,
                   int        *exit_code)
{
  g_auto(GStrv) pieces = g_strsplit (spec, ",", -1);
  g_autoptr(GString) pending = g_string_new (NULL);
  guint n_added = 0;

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_autofree char *trimmed = NULL;
      int level;

      if (pending->len > 0)
        g_string_append_c (pending, ',');
      g_string_append (pending, pieces[i]);
      trimmed = g_strstrip (g_strdup (pending->str));
      level = fe_column_find_level (column, trimmed);
      if (level >= 0)
        {
          fe_filter_add_level (filter, column, (guint) level);
          g_string_truncate (pending, 0);
          n_added++;
        }
    }

  if (pending->len > 0)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (pending->str));

      if (*trimmed != '\0')
        return fe_cli_find_level (column, trimmed, exit_code) >= 0;
    }
  /* "force=" would otherwise filter nothing out and look like a filter that was applied. */
  if (n_added == 0)
    {
      g_autofree char *valid = list_levels (column);

      fe_cli_usage_error (_("--filter %s=: name at least one level after “=”, for example "
                            "--filter %s=%s, or leave the option out to count everybody. Its "
                            "levels: %s."),
                          column->id, column->id, fe_column_get_level (column, 0), valid);
      *exit_code = FE_CLI_EXIT_USAGE;
      return FALSE;
    }
  return TRUE;
}

/* A numeric question's "18..24" is a range of its bins, unless a level is called that. */
static gboolean
add_range_or_levels (FeFilter   *filter,
                     FeColumn   *column,
                     const char *spec,
                     int        *exit_code)
{
  g_autoptr(GError) error = NULL;
  double from, to;

  if (column->bins == NULL || fe_column_find_level (column, spec) >= 0
      || !fe_bins_parse_range (spec, &from, &to))
    return add_filter_levels (filter, column, spec, exit_code);
  if (fe_filter_set_range (filter, column, from, to, &error))
    return TRUE;
  fe_cli_usage_error (_("--filter %s=%s: %s."), column->id, spec, error->message);
  *exit_code = FE_CLI_EXIT_USAGE;
  return FALSE;
}

FeFilter *
fe_cli_build_filter (FeStudy  *study,
                     char    **filters,
                     int      *exit_code)
{
  g_autoptr(FeFilter) filter = fe_filter_new (study);

  for (guint i = 0; filters != NULL && filters[i] != NULL; i++)
    {
      const char *equals = strchr (filters[i], '=');
      g_autofree char *id = NULL;
      FeColumn *column;

      if (equals == NULL)
        {
          fe_cli_usage_error (_("--filter %s: write it as ID=LEVEL[,LEVEL…], for example "
                                "--filter force=Gwent Police."),
                              filters[i]);
          *exit_code = FE_CLI_EXIT_USAGE;
          return NULL;
        }
      id = g_strstrip (g_strndup (filters[i], (gsize) (equals - filters[i])));
      column = fe_cli_find_question (study, "--filter", id, exit_code);
      if (column == NULL)
        return NULL;
      if (fe_column_get_n_levels (column) == 0)
        {
          fe_cli_usage_error (_("--filter %s: %s is open text and has no levels to filter by."),
                              filters[i], id);
          *exit_code = FE_CLI_EXIT_USAGE;
          return NULL;
        }
      if (!add_range_or_levels (filter, column, equals + 1, exit_code))
        return NULL;
    }
  return g_steal_pointer (&filter);
}

void
fe_cli_append_respondents (GString *out,
                           guint    n,
                           guint    excluded)
{
  g_string_append_printf (out, "%s %u", _("Respondents:"), n);
  if (excluded > 0)
    g_string_append_printf (out, ngettext (" (%u incomplete response excluded; "
                                           "--include-incomplete counts it)",
                                           " (%u incomplete responses excluded; "
                                           "--include-incomplete counts them)", excluded),
                            excluded);
}

void
fe_cli_append_padded (GString    *out,
                      const char *text,
                      guint       width,
                      gboolean    align_right)
{
  glong length = g_utf8_strlen (text, -1);
  guint padding = length < (glong) width ? width - (guint) length : 0;

  if (!align_right)
    g_string_append (out, text);
  for (guint i = 0; i < padding; i++)
    g_string_append_c (out, ' ');
  if (align_right)
    g_string_append (out, text);
}

char *
fe_cli_dup_visible (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      /* Not UTF-8: said byte by byte. */
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == 0x1b)
        g_string_append (out, "\\e");
      else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        g_string_append_printf (out, "\\x%02x", (guint) c);
      else
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
