/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-survey-format.h"

#include "fe-i18n.h"
#include <string.h>

/* Answers looked at to decide whether a column holds e-mail or IP addresses. */
#define IDENTIFYING_SAMPLE 200
/* … among the first rows only, so that a sparse column of a huge file costs little. */
#define IDENTIFYING_ROWS 10000

/* Column names as Qualtrics writes them in row 1 (row 2 is in the account's language, so it
 * is never relied on), lower-cased with everything but letters and digits left out. */
static const char * const qualtrics_metadata[] = {
  "startdate", "enddate", "status", "ipaddress", "progress", "durationinseconds", "duration",
  "finished", "recordeddate", "responseid", "recipientlastname", "recipientfirstname",
  "recipientemail", "externalreference", "externaldatareference", "locationlatitude",
  "locationlongitude", "locationaccuracy", "distributionchannel", "userlanguage", "responseset",
  "name", "emailaddress", NULL,
};

static const char * const surveymonkey_metadata[] = {
  "respondentid", "collectorid", "startdate", "enddate", "ipaddress", "emailaddress",
  "firstname", "lastname", NULL,
};

/* What LimeSurvey records beside the answers: an empty submitdate is a response not sent. */
static const char * const limesurvey_metadata[] = {
  "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr",
  "refurl", "token", NULL,
};

/* What Alchemer (SurveyGizmo) records beside the answers, the place it finds from the IP
 * address included: a Partial or Disqualified status is a response not completed. */
static const char * const alchemer_metadata[] = {
  "responseid", "timestarted", "datesubmitted", "status", "contactid", "legacycomments",
  "comments", "language", "referer", "sessionid", "useragent", "tags", "ipaddress", "longitude",
  "latitude", "country", "city", "stateregion", "postal", NULL,
};

/* What REDCap records beside the answers: events, repeats, access groups, and for each form its
 * survey's identifier and time and whether it was marked complete ("Complete?" with labels). */
static const char * const redcap_metadata[] = {
  "redcapeventname", "redcaprepeatinstrument", "redcaprepeatinstance", "redcapdataaccessgroup",
  "redcapsurveyidentifier", "eventname", "repeatinstrument", "repeatinstance", "dataaccessgroup",
  "surveyidentifier", "surveytimestamp", "complete", NULL,
};

/* What Google Forms, Typeform, Microsoft Forms and others record beside the answers. */
static const char * const any_metadata[] = {
  "timestamp", "marcatemporal", "horodateur", "zeitstempel", "submittedat", "submitdateutc",
  "startdateutc", "networkid", "completiontime", "starttime", "lastmodifiedtime", NULL,
};

static const char * const identifying_exact[] = {
  "ip", "ipaddress", "ipaddr", "email", "name", "fullname", "firstname", "lastname", "surname",
  "phone", "mobile", "telephone", "zip", "zipcode", "postcode", "postalcode", "postal", "lat", "lon",
  "lng",
  "latitude", "longitude", "address", "streetaddress", NULL,
};

/* Parts of a question text that say it asks for identifying details. */
static const char * const identifying_words[] = {
  "email", "ipaddress", "latitude", "longitude", "phonenumber", "telephone", "postcode",
  "zipcode", "coordinates", "recipientname", "recipientfirstname", "recipientlastname",
  "firstname", "lastname", "fullname", "yourname", "homeaddress", "streetaddress", NULL,
};

static char *
normalise_name (const char *name)
{
  GString *plain = g_string_sized_new (strlen (name));

  for (const char *p = name; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (plain, g_ascii_tolower (*p));
  return g_string_free (plain, FALSE);
}

static gboolean
in_list (const char         *normalised,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (normalised, list[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
fe_name_is_an_id (const char *name)
{
  static const char * const ids[] = {
    "id", "userno", "userid", "recordid", "respondentid", "participantid", "caseid",
    "responseid", "respondentno", "participantno", NULL,
  };
  g_autofree char *lower = g_utf8_strdown (name, -1);
  g_autofree char *plain = normalise_name (name);
  const char *last_word = lower;
  gsize end = strlen (lower);

  /* "Record ID:" */
  while (end > 0 && !g_ascii_isalnum (lower[end - 1]))
    lower[--end] = '\0';
  for (const char *p = lower; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && g_ascii_isalnum (p[1]))
      last_word = p + 1;
  return in_list (plain, ids) || strcmp (last_word, "id") == 0;
}

gboolean
fe_name_is_identifying (const char *name)
{
  g_autofree char *plain = normalise_name (name);

  if (in_list (plain, identifying_exact))
    return TRUE;
  for (guint i = 0; identifying_words[i] != NULL; i++)
    if (strstr (plain, identifying_words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
looks_like_ipv4 (const char *text)
{
  guint parts = 0;
  const char *p = text;

  while (*p != '\0')
    {
      guint value = 0, digits = 0;

      while (g_ascii_isdigit (*p) && digits < 4)
        {
          value = value * 10 + (guint) (*p - '0');
          digits++;
          p++;
        }
      if (digits == 0 || digits > 3 || value > 255)
        return FALSE;
      parts++;
      if (*p == '.')
        p++;
      else if (*p != '\0')
        return FALSE;
    }
  return parts == 4;
}

static gboolean
looks_like_ipv6 (const char *text)
{
  guint colons = 0;
  gboolean hex_letter = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ':')
        colons++;
      else if (!g_ascii_isxdigit (*p) && *p != '.')
        return FALSE;
      else
        hex_letter |= g_ascii_isalpha (*p);
    }
  /* A time of day (10:15:00, 10:15:00.5) has two colons and only digits. */
  return colons >= 3 || (colons == 2 && (hex_letter || strstr (text, "::") != NULL));
}

static gboolean
looks_like_email (const char *text)
{
  const char *at = strchr (text, '@');

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isspace (*p))
      return FALSE;
  return strchr (at + 1, '.') != NULL;
}

gboolean
fe_values_are_identifying (const FeCsvTable *table,
                           guint             column)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  guint n_rows = fe_csv_table_get_n_rows (table);
  guint seen = 0, matching = 0;

  for (guint row = 0; row < MIN (n_rows, IDENTIFYING_ROWS) && seen < IDENTIFYING_SAMPLE; row++)
    {
      const char *cell;

      if (fe_csv_table_cell_is_empty (table, row, column))
        continue;
      cell = fe_csv_table_read_cell (table, row, column, scratch);
      seen++;
      if (looks_like_ipv4 (cell) || looks_like_ipv6 (cell) || looks_like_email (cell))
        matching++;
    }
  return seen > 0 && matching * 10 >= seen * 9;
}

static int
find_normalised (const FeCsvTable *table,
                 guint             header_row,
                 const char       *wanted)
{
  for (guint c = 0; c < fe_csv_table_get_n_columns (table); c++)
    {
      g_autofree char *plain = normalise_name (fe_csv_table_get_header_cell (table, header_row,
                                                                             c));

      if (strcmp (plain, wanted) == 0)
        return (int) c;
    }
  return -1;
}

static gboolean
row_has_cell (const FeCsvTable *table,
              guint             row,
              const char       *text)
{
  if (row >= fe_csv_table_get_n_rows (table))
    return FALSE;
  for (guint c = 0; c < fe_csv_table_get_n_columns (table); c++)
    if (strcmp (fe_csv_table_get_cell (table, row, c), text) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
row_is_import_ids (const FeCsvTable *table,
                   guint             row)
{
  guint n_json = 0;

  if (row >= fe_csv_table_get_n_rows (table))
    return FALSE;
  for (guint c = 0; c < fe_csv_table_get_n_columns (table); c++)
    {
      const char *cell = fe_csv_table_get_cell (table, row, c);

      if (g_str_has_prefix (cell, "{\"ImportId\"") || g_str_has_prefix (cell, "{'ImportId'"))
        n_json++;
      else if (*cell != '\0')
        return FALSE;
    }
  return n_json > 0;
}

/* Row @row names the metadata columns rather than filling them: a Qualtrics export that Excel
 * saved again loses its ImportId row but keeps "Start Date", "Progress" above the answers.
 * A response always has digits in its dates, progress and duration. */
static gboolean
row_is_metadata_labels (const FeCsvTable *table,
                        guint             row)
{
  static const char * const numeric_metadata[] = {
    "startdate", "enddate", "recordeddate", "progress", "durationinseconds", NULL,
  };
  guint n_labels = 0;

  if (row >= fe_csv_table_get_n_rows (table))
    return FALSE;
  for (guint i = 0; numeric_metadata[i] != NULL; i++)
    {
      int column = find_normalised (table, 0, numeric_metadata[i]);
      const char *cell;

      if (column < 0)
        continue;
      cell = fe_csv_table_get_cell (table, row, (guint) column);
      if (*cell == '\0' || strpbrk (cell, "0123456789") != NULL)
        return FALSE;
      n_labels++;
    }
  return n_labels > 0;
}

static gboolean
is_taguette (const FeCsvTable *table)
{
  guint n = fe_csv_table_get_n_columns (table);
  int document = fe_csv_table_find_column (table, "document");
  int tag = fe_csv_table_find_column (table, "tag");
  int content = fe_csv_table_find_column (table, "content");

  return document >= 0 && tag >= 0 && content >= 0
         && (n == 3 || (n == 4 && fe_csv_table_find_column (table, "id") >= 0));
}

/* REDCap keeps each option of a checkbox question in a column of its own, named "field___code"
 * in a raw export and "Field label (choice=Option)" in one with labels. */
static gboolean
split_redcap_choice (const char  *name,
                     char       **field,
                     char       **option)
{
  const char *sep = strstr (name, "___");
  gsize length = strlen (name);

  if (sep != NULL && sep != name && sep[3] != '\0')
    {
      for (const char *p = sep + 3; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && *p != '_')
          return FALSE;
      *field = g_strndup (name, (gsize) (sep - name));
      /* REDCap writes a code's minus sign as an underscore: "q____99" is code -99. */
      *option = sep[3] == '_' && g_ascii_isdigit (sep[4]) ? g_strconcat ("-", sep + 4, NULL)
                                                          : g_strdup (sep + 3);
      return TRUE;
    }
  sep = g_strrstr (name, " (choice=");
  if (sep == NULL || sep == name || name[length - 1] != ')'
      || (gsize) (sep - name) + strlen (" (choice=)") >= length)
    return FALSE;
  *field = g_strndup (name, (gsize) (sep - name));
  *option = g_strndup (sep + strlen (" (choice="),
                       length - (gsize) (sep - name) - strlen (" (choice=)"));
  return TRUE;
}

/* Two neighbouring columns that are options of one checkbox field, or REDCap's own columns. */
static gboolean
is_redcap (const FeCsvTable *table)
{
  guint n_columns = fe_csv_table_get_n_columns (table);

  for (guint c = 0; c < n_columns; c++)
    {
      const char *header = fe_csv_table_get_header (table, c);
      g_autofree char *field = NULL, *option = NULL, *next_field = NULL, *next_option = NULL;

      if (g_str_has_prefix (header, "redcap_"))
        return TRUE;
      if (c + 1 < n_columns && split_redcap_choice (header, &field, &option)
          && split_redcap_choice (fe_csv_table_get_header (table, c + 1), &next_field,
                                  &next_option)
          && strcmp (field, next_field) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The first row names the response id column rather than filling it: its cell reads
 * "Response ID", or is not a Qualtrics id (R_…) while the next row's is. Many tools other than
 * Qualtrics (JISC, Alchemer, SmartSurvey) call their own numbered ids "Response ID": their first
 * row is a respondent, and taking it for labels would lose them. */
static gboolean
row_labels_response_id (const FeCsvTable *table,
                        guint             response_id)
{
  g_autofree char *plain = NULL;

  if (fe_csv_table_get_n_rows (table) == 0)
    return FALSE;
  plain = normalise_name (fe_csv_table_get_cell (table, 0, response_id));
  if (strcmp (plain, "responseid") == 0)
    return TRUE;
  return fe_csv_table_get_n_rows (table) > 1
         && !g_str_has_prefix (fe_csv_table_get_cell (table, 0, response_id), "R_")
         && g_str_has_prefix (fe_csv_table_get_cell (table, 1, response_id), "R_");
}

FeSurveyFormat
fe_survey_format_detect (FeCsvTable *table)
{
  guint n_rows = fe_csv_table_get_n_rows (table);
  int response_id;

  if (is_taguette (table))
    return FE_SURVEY_FORMAT_TAGUETTE;

  /* Legacy Qualtrics: V1…V10 in row 1, their names (ResponseID…) in row 2. */
  if (g_strcmp0 (fe_csv_table_get_header (table, 0), "V1") == 0 && n_rows > 0
      && row_has_cell (table, 0, "ResponseID"))
    {
      fe_csv_table_take_header_rows (table, 1);
      return FE_SURVEY_FORMAT_QUALTRICS_LEGACY;
    }

  response_id = find_normalised (table, 0, "responseid");
  if (response_id >= 0 || (find_normalised (table, 0, "startdate") >= 0
                           && find_normalised (table, 0, "finished") >= 0))
    {
      /* Row 2 holds the question texts unless someone deleted it. Row 3, when present,
       * holds the import ids. */
      guint extra = 0;

      if (row_is_import_ids (table, 1))
        extra = 2;
      else if (row_is_import_ids (table, 0) || row_is_metadata_labels (table, 0)
               || (response_id >= 0 && row_labels_response_id (table, (guint) response_id)))
        extra = 1;
      /* A "Response ID" column alone is no sign of Qualtrics: JISC, Alchemer and SmartSurvey
       * number their responses under that name too. */
      if (extra > 0 || find_normalised (table, 0, "finished") >= 0
          || (n_rows > 0 && response_id >= 0
              && g_str_has_prefix (fe_csv_table_get_cell (table, 0, (guint) response_id), "R_")))
        {
          fe_csv_table_take_header_rows (table, MIN (extra, n_rows));
          return FE_SURVEY_FORMAT_QUALTRICS;
        }
    }

  if (find_normalised (table, 0, "timestarted") >= 0
      && find_normalised (table, 0, "datesubmitted") >= 0
      && find_normalised (table, 0, "status") >= 0)
    return FE_SURVEY_FORMAT_ALCHEMER;

  if (find_normalised (table, 0, "submitdate") >= 0 && find_normalised (table, 0, "lastpage") >= 0
      && find_normalised (table, 0, "startlanguage") >= 0)
    return FE_SURVEY_FORMAT_LIMESURVEY;

  if (is_redcap (table))
    return FE_SURVEY_FORMAT_REDCAP;

  if (row_has_cell (table, 0, "Response") || row_has_cell (table, 0, "Open-Ended Response"))
    {
      fe_csv_table_take_header_rows (table, 1);
      return FE_SURVEY_FORMAT_SURVEYMONKEY;
    }
  return FE_SURVEY_FORMAT_PLAIN;
}

const char *
fe_survey_format_get_name (FeSurveyFormat format)
{
  switch (format)
    {
    case FE_SURVEY_FORMAT_QUALTRICS:
      return "Qualtrics";
    case FE_SURVEY_FORMAT_QUALTRICS_LEGACY:
      return _("Qualtrics (legacy export)");
    case FE_SURVEY_FORMAT_SURVEYMONKEY:
      return "SurveyMonkey";
    case FE_SURVEY_FORMAT_TAGUETTE:
      return "Taguette";
    case FE_SURVEY_FORMAT_SPSS:
      return "SPSS";
    case FE_SURVEY_FORMAT_STATA:
      return "Stata";
    case FE_SURVEY_FORMAT_LIMESURVEY:
      return "LimeSurvey";
    case FE_SURVEY_FORMAT_ALCHEMER:
      return "Alchemer";
    case FE_SURVEY_FORMAT_REDCAP:
      return "REDCap";
    case FE_SURVEY_FORMAT_PLAIN:
    default:
      return "CSV";
    }
}

static void
source_column_free (gpointer data)
{
  FeSourceColumn *sc = data;

  g_free (sc->id);
  g_free (sc->label);
  g_free (sc->group);
  g_free (sc->group_label);
  g_free (sc->option);
  g_free (sc);
}

static void
mark_metadata (FeSourceColumn     *sc,
               const char         *name,
               const char * const *list)
{
  g_autofree char *plain = normalise_name (name);

  if (in_list (plain, list))
    {
      sc->metadata = TRUE;
      sc->is_id = sc->is_id || strcmp (plain, "responseid") == 0
                  || strcmp (plain, "respondentid") == 0;
      sc->finished = sc->finished || strcmp (plain, "finished") == 0;
      sc->progress = sc->progress || strcmp (plain, "progress") == 0;
    }
}

/* Qualtrics names the items of a grid Q5_1…Q5_n and labels them "Question - Item". */
char *
fe_survey_format_dup_item_stem (const char *id)
{
  const char *underscore = strrchr (id, '_');

  if (underscore == NULL || underscore == id || underscore[1] == '\0')
    return NULL;
  for (const char *p = underscore + 1; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return NULL;
  return g_strndup (id, (gsize) (underscore - id));
}

/* The question text shared by the items' labels, up to the " - " before each item's text. */
static char *
common_label_stem (GPtrArray *columns,
                   guint      first,
                   guint      last)
{
  FeSourceColumn *head = g_ptr_array_index (columns, first);
  const char *sep;
  gsize stem_length;

  if (head->label == NULL || (sep = strstr (head->label, " - ")) == NULL)
    return NULL;
  stem_length = (gsize) (sep - head->label);
  for (guint i = first + 1; i <= last; i++)
    {
      FeSourceColumn *sc = g_ptr_array_index (columns, i);

      if (sc->label == NULL || strncmp (sc->label, head->label, stem_length + 3) != 0)
        return NULL;
    }
  return g_strndup (head->label, stem_length);
}

static void
group_grid_items (GPtrArray *columns)
{
  for (guint i = 0; i < columns->len;)
    {
      FeSourceColumn *sc = g_ptr_array_index (columns, i);
      g_autofree char *stem = NULL;
      guint last = i;

      if (sc->metadata || (stem = fe_survey_format_dup_item_stem (sc->id)) == NULL)
        {
          i++;
          continue;
        }
      while (last + 1 < columns->len)
        {
          FeSourceColumn *next = g_ptr_array_index (columns, last + 1);
          g_autofree char *next_stem = NULL;

          if (next->metadata || (next_stem = fe_survey_format_dup_item_stem (next->id)) == NULL
              || strcmp (next_stem, stem) != 0)
            break;
          last++;
        }
      if (last > i)
        {
          g_autofree char *label = common_label_stem (columns, i, last);

          for (guint k = i; k <= last; k++)
            {
              FeSourceColumn *item = g_ptr_array_index (columns, k);

              item->group = g_strdup (stem);
              item->group_label = g_strdup (label);
            }
        }
      i = last + 1;
    }
}

static void
describe_qualtrics (const FeCsvTable *table,
                    FeSurveyFormat    format,
                    GPtrArray        *columns)
{
  guint n_header_rows = fe_csv_table_get_n_header_rows (table);

  for (guint c = 0; c < columns->len; c++)
    {
      FeSourceColumn *sc = g_ptr_array_index (columns, c);
      const char *row2 = n_header_rows > 1 ? fe_csv_table_get_header_cell (table, 1, c) : "";

      /* The legacy layout names its V columns in row 2 only. */
      if (format == FE_SURVEY_FORMAT_QUALTRICS_LEGACY && *row2 != '\0' && sc->id[0] == 'V'
          && g_ascii_isdigit (sc->id[1]))
        {
          g_free (sc->id);
          sc->id = g_strdup (row2);
        }
      else if (*row2 != '\0' && strcmp (row2, sc->id) != 0)
        sc->label = g_strdup (row2);

      mark_metadata (sc, sc->id, qualtrics_metadata);
      if (g_str_has_prefix (sc->id, "Q_")
          && (format == FE_SURVEY_FORMAT_QUALTRICS || format == FE_SURVEY_FORMAT_QUALTRICS_LEGACY))
        sc->metadata = TRUE;
    }
  group_grid_items (columns);
}

/* Row 1 names a question over its first column only; row 2 says "Response" for a one-column
 * question and names the option (or grid row) of each column of a wider one. */
static void
describe_surveymonkey (const FeCsvTable *table,
                       GPtrArray        *columns)
{
  const char *stem = NULL;

  for (guint c = 0; c < columns->len; c++)
    {
      FeSourceColumn *sc = g_ptr_array_index (columns, c);
      const char *row1 = fe_csv_table_get_header_cell (table, 0, c);
      const char *row2 = fe_csv_table_get_header_cell (table, 1, c);
      gboolean single = *row2 == '\0' || strcmp (row2, "Response") == 0
                        || strcmp (row2, "Open-Ended Response") == 0;

      if (*row1 != '\0')
        stem = row1;

      if (single || stem == NULL)
        {
          if (*row1 == '\0' && *row2 != '\0' && !single)
            {
              g_free (sc->id);
              sc->id = g_strdup (row2);
            }
          mark_metadata (sc, sc->id, surveymonkey_metadata);
          continue;
        }

      g_free (sc->id);
      sc->id = g_strdup (row2);
      /* Two questions' "Other (please specify)" stay told apart by their question. */
      sc->label = g_strdup_printf ("%s - %s", stem, row2);
      sc->option = g_strdup (row2);
      sc->group = g_strdup (stem);
      sc->group_label = g_strdup (stem);
    }
}

/* Which question a column's name says it is an option of, and which option; FALSE when it
 * says none. */
typedef gboolean (*SplitName) (const FeSourceColumn  *sc,
                               char                 **question,
                               char                 **option);

/* "Which of these … Please select all that apply. - Carrots" (SurveyMonkey flattened, Qualtrics
 * labels), for a column not yet known to be an option. */
static gboolean
split_labelled_option (const FeSourceColumn  *sc,
                       char                 **question,
                       char                 **option)
{
  const char *text = sc->label != NULL ? sc->label : sc->id;
  const char *sep = g_strrstr (text, " - ");

  if (sc->option != NULL || sep == NULL || sep == text || sep[3] == '\0')
    return FALSE;
  *question = g_strndup (text, (gsize) (sep - text));
  *option = g_strdup (sep + 3);
  return TRUE;
}

static gboolean
split_redcap_column (const FeSourceColumn  *sc,
                     char                 **question,
                     char                 **option)
{
  return split_redcap_choice (sc->id, question, option);
}

/* Runs of two consecutive columns or more that @split names options of one question: each
 * gets its option, and the question for its group, unless it is in one already and @regroup is
 * FALSE. Whether each holds its option (or a 0/1 mark, REDCap's 1 or "Checked") and nothing
 * else, as one column per option does, is for the study to see in the answers; a grid's items
 * carry a scale and stay items. */
static void
group_option_runs (GPtrArray *columns,
                   SplitName  split,
                   gboolean   regroup)
{
  for (guint i = 0; i < columns->len;)
    {
      FeSourceColumn *sc = g_ptr_array_index (columns, i);
      g_autofree char *question = NULL, *option = NULL;
      guint last = i;

      if (sc->metadata || !split (sc, &question, &option))
        {
          i++;
          continue;
        }
      while (last + 1 < columns->len)
        {
          FeSourceColumn *next = g_ptr_array_index (columns, last + 1);
          g_autofree char *next_question = NULL, *next_option = NULL;

          if (next->metadata || !split (next, &next_question, &next_option)
              || strcmp (next_question, question) != 0)
            break;
          last++;
        }
      for (guint k = i; last > i && k <= last; k++)
        {
          FeSourceColumn *member = g_ptr_array_index (columns, k);
          g_autofree char *member_question = NULL;
          char *member_option = NULL;

          split (member, &member_question, &member_option);
          member->option = member_option;
          if (member->group != NULL && !regroup)
            continue;
          g_free (member->group);
          g_free (member->group_label);
          member->group = g_strdup (question);
          member->group_label = g_strdup (question);
        }
      i = last + 1;
    }
}

/* Typeform names each option's column after the option and leaves the question out: columns
 * in a row whose only answer is their own name are one question's options. */
static void
find_named_option_columns (const FeCsvTable *table,
                           GPtrArray        *columns)
{
  for (guint i = 0; i < columns->len;)
    {
      guint last = i;

      while (last < columns->len)
        {
          FeSourceColumn *sc = g_ptr_array_index (columns, last);

          if (sc->metadata || sc->option != NULL || sc->group != NULL
              || fe_csv_table_get_n_values (table, sc->source_column) != 1
              || strcmp (fe_csv_table_get_value (table, sc->source_column, 0, NULL, NULL),
                         sc->id) != 0)
            break;
          last++;
        }
      if (last - i >= 2)
        {
          g_autoptr(GString) name = g_string_new (NULL);

          for (guint k = i; k < last && k < i + 3; k++)
            g_string_append_printf (name, "%s%s", k > i ? ", " : "",
                                    ((FeSourceColumn *) g_ptr_array_index (columns, k))->id);
          if (last - i > 3)
            g_string_append (name, ", …");
          for (guint k = i; k < last; k++)
            {
              FeSourceColumn *sc = g_ptr_array_index (columns, k);

              sc->option = g_strdup (sc->id);
              sc->group = g_strdup (name->str);
              sc->group_label = g_strdup (name->str);
            }
        }
      i = MAX (last, i + 1);
    }
}

GPtrArray *
fe_survey_format_describe (const FeCsvTable *table,
                           FeSurveyFormat    format)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func (source_column_free);
  guint n_columns = fe_csv_table_get_n_columns (table);

  for (guint c = 0; c < n_columns; c++)
    {
      FeSourceColumn *sc = g_new0 (FeSourceColumn, 1);

      sc->source_column = c;
      sc->id = g_strdup (fe_csv_table_get_header (table, c));
      g_ptr_array_add (columns, sc);
    }

  /* A statistics file's labels are its second header row, as Qualtrics' question texts are;
   * a Qualtrics survey exported as .sav keeps the same metadata names. */
  if (format == FE_SURVEY_FORMAT_QUALTRICS || format == FE_SURVEY_FORMAT_QUALTRICS_LEGACY
      || format == FE_SURVEY_FORMAT_SPSS || format == FE_SURVEY_FORMAT_STATA)
    describe_qualtrics (table, format, columns);
  else if (format == FE_SURVEY_FORMAT_SURVEYMONKEY)
    describe_surveymonkey (table, columns);
  else if (format == FE_SURVEY_FORMAT_PLAIN || format == FE_SURVEY_FORMAT_LIMESURVEY
           || format == FE_SURVEY_FORMAT_ALCHEMER || format == FE_SURVEY_FORMAT_REDCAP)
    group_grid_items (columns);
  /* REDCap exports each record's id first ("record_id", "Record ID"), once per event of a
   * longitudinal project. */
  if (format == FE_SURVEY_FORMAT_REDCAP && columns->len > 0
      && fe_name_is_an_id (((FeSourceColumn *) g_ptr_array_index (columns, 0))->id))
    ((FeSourceColumn *) g_ptr_array_index (columns, 0))->is_id = TRUE;
  if (format == FE_SURVEY_FORMAT_REDCAP)
    for (guint c = 0; c < columns->len; c++)
      {
        FeSourceColumn *sc = g_ptr_array_index (columns, c);

        mark_metadata (sc, sc->id, redcap_metadata);
        /* A raw export names a form's own columns after it: "baseline_complete". */
        if (g_str_has_suffix (sc->id, "_complete") || g_str_has_suffix (sc->id, "_timestamp"))
          sc->metadata = TRUE;
      }
  if (format == FE_SURVEY_FORMAT_REDCAP)
    group_option_runs (columns, split_redcap_column, TRUE);
  if (format != FE_SURVEY_FORMAT_TAGUETTE)
    {
      group_option_runs (columns, split_labelled_option, FALSE);
      find_named_option_columns (table, columns);
    }

  for (guint c = 0; c < columns->len; c++)
    {
      FeSourceColumn *sc = g_ptr_array_index (columns, c);

      mark_metadata (sc, sc->id, any_metadata);
      if (format == FE_SURVEY_FORMAT_LIMESURVEY)
        mark_metadata (sc, sc->id, limesurvey_metadata);
      else if (format == FE_SURVEY_FORMAT_ALCHEMER)
        mark_metadata (sc, sc->id, alchemer_metadata);
      if (strcmp (sc->id, "#") == 0)
        sc->is_id = sc->metadata = TRUE;
      if (fe_name_is_identifying (sc->id)
          || (sc->label != NULL && fe_name_is_identifying (sc->label))
          || (sc->option == NULL && fe_values_are_identifying (table, sc->source_column)))
        sc->identifying = TRUE;
      /* A grid item's stem may be "Email preferences": only the item's own words count. */
      if (sc->option != NULL && !fe_name_is_identifying (sc->option))
        sc->identifying = FALSE;
    }
  return columns;
}
