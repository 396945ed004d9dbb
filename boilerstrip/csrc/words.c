/* stats.words_of and stats.measure: the words of a line and its shallow features. */
#include "speedups.h"

static int
is_terminal(Py_UCS4 c)
{
    /* stats._TERMINAL: the sentence punctuation and : ; */
    return is_sentence_punct(c) || c == ':' || c == ';';
}

static int
is_comma(Py_UCS4 c)
{
    /* [,，、;；] */
    return c == ',' || c == 0xFF0C || c == 0x3001 || c == ';' || c == 0xFF1B;
}

/* A line of letters and spaces only, with at least one letter (str.isalpha after the
 * spaces are removed). */
static int
is_plain_line(int kind, const void *data, Py_ssize_t length)
{
    int has_letter = 0;
    if (length > PLAIN_LINE_CHARS) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == ' ') {
            continue;
        }
        if (!Py_UNICODE_ISALPHA(c)) {
            return 0;
        }
        has_letter = 1;
    }
    return has_letter;
}

/* text[start:end] lower-cased, curly apostrophes made straight: a new reference.
 *
 * What lowering a whole line and splitting it at its spaces gives, word by word: case rules
 * that look at neighbours (the Greek final sigma) stop at a space, which is neither cased nor
 * case-ignorable. ASCII words (most) are lowered here; any other goes through str.lower. */
static PyObject *
lowered_word(module_state *state, int kind, const void *data, Py_ssize_t start,
             Py_ssize_t end)
{
    Py_ssize_t length = end - start;
    int ascii = 1;
    for (Py_ssize_t i = start; i < end; i++) {
        if (PyUnicode_READ(kind, data, i) >= 0x80) {
            ascii = 0;
            break;
        }
    }
    if (ascii) {
        PyObject *word = PyUnicode_New(length, 0x7F);
        Py_UCS1 *target;
        if (word == NULL) {
            return NULL;
        }
        target = PyUnicode_1BYTE_DATA(word);
        for (Py_ssize_t i = 0; i < length; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, start + i);
            target[i] = (Py_UCS1)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        return word;
    }
    else {
        Py_UCS4 *characters = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)length);
        PyObject *word, *lowered;
        if (characters == NULL) {
            return PyErr_NoMemory();
        }
        for (Py_ssize_t i = 0; i < length; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, start + i);
            characters[i] = c == 0x2019 ? '\'' : c;
        }
        word = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, characters, length);
        PyMem_Free(characters);
        if (word == NULL) {
            return NULL;
        }
        lowered = PyObject_CallOneArg(state->str_lower, word);
        Py_DECREF(word);
        return lowered;
    }
}

/* (initials, words, plain) of the words at `spans` (start, end pairs) of the line. */
static PyObject *
words_entry(module_state *state, int kind, const void *data, const Py_ssize_t *spans,
            Py_ssize_t count, PyObject *plain)
{
    Py_UCS4 *initials;
    PyObject *initials_str, *words;
    if (count == 0) {
        return Py_BuildValue("(OOO)", state->empty_str, state->empty_tuple, plain);
    }
    initials = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)count);
    if (initials == NULL) {
        return PyErr_NoMemory();
    }
    for (Py_ssize_t k = 0; k < count; k++) {
        initials[k] = PyUnicode_READ(kind, data, spans[2 * k]);
    }
    initials_str = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, initials, count);
    PyMem_Free(initials);
    words = PyTuple_New(count);
    if (initials_str == NULL || words == NULL) {
        Py_XDECREF(initials_str);
        Py_XDECREF(words);
        return NULL;
    }
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *word = lowered_word(state, kind, data, spans[2 * k], spans[2 * k + 1]);
        if (word == NULL) {
            Py_DECREF(initials_str);
            Py_DECREF(words);
            return NULL;
        }
        PyTuple_SET_ITEM(words, k, word);
    }
    return Py_BuildValue("(NNO)", initials_str, words, plain);
}

/* (initials, words, True) of a plain line: text.split() and text.lower().split(). */
static PyObject *
plain_words(module_state *state, int kind, const void *data, Py_ssize_t length)
{
    Py_ssize_t spans[PLAIN_LINE_CHARS * 2];
    Py_ssize_t count = 0, i = 0;
    while (i < length) {
        if (PyUnicode_READ(kind, data, i) == ' ') {
            i++;
            continue;
        }
        spans[2 * count] = i;
        while (i < length && PyUnicode_READ(kind, data, i) != ' ') {
            i++;
        }
        spans[2 * count + 1] = i;
        count++;
    }
    return words_entry(state, kind, data, spans, count, Py_True);
}

/* The end of the word starting at `start` (a word character): letters, digits and marks,
 * then any number of apostrophe + letters/marks, as tokens.WORD matches it. */
static Py_ssize_t
word_end(const unsigned char *table, int kind, const void *data, Py_ssize_t length,
         Py_ssize_t start)
{
    Py_ssize_t i = start + 1;
    while (i < length && (table[PyUnicode_READ(kind, data, i)] & WORD_CHAR)) {
        i++;
    }
    while (i + 1 < length && is_apostrophe(PyUnicode_READ(kind, data, i))
           && (table[PyUnicode_READ(kind, data, i + 1)] & INNER_CHAR)) {
        i += 2;
        while (i < length && (table[PyUnicode_READ(kind, data, i)] & INNER_CHAR)) {
            i++;
        }
    }
    return i;
}

/* (initials, words, False) of any other line: the tokens of tokens.WORD, lower-cased with
 * curly apostrophes made straight (as words_of joins, lowers and splits them). */
static PyObject *
token_words(module_state *state, const unsigned char *table, int kind, const void *data,
            Py_ssize_t length)
{
    /* A line of n characters holds at most n words. */
    Py_ssize_t *spans = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(2 * length + 2));
    Py_ssize_t count = 0, i = 0;
    PyObject *entry;
    if (spans == NULL) {
        return PyErr_NoMemory();
    }
    while (i < length) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        Py_ssize_t end;
        if (table[c] & WORD_CHAR) {
            end = word_end(table, kind, data, length, i);
        }
        else if (c == 0xA9 || c == 0xAE) { /* © and ® are words of their own */
            end = i + 1;
        }
        else {
            i++;
            continue;
        }
        spans[2 * count] = i;
        spans[2 * count + 1] = end;
        count++;
        i = end;
    }
    entry = words_entry(state, kind, data, spans, count, Py_False);
    PyMem_Free(spans);
    return entry;
}

PyDoc_STRVAR(words_of_doc,
             "words_of(text, /)\n--\n\n"
             "stats.words_of(text) (a line with a character beyond the Basic Multilingual\n"
             "Plane is handed to the Python code).");

PyObject *
speedups_words_of(PyObject *module, PyObject *text)
{
    module_state *state = get_state(module);
    int kind;
    const void *data;
    Py_ssize_t length;
    if (!is_str_argument(text, "words_of")) {
        return NULL;
    }
    if (state->word_table == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "words_of() called before configure()");
        return NULL;
    }
    kind = PyUnicode_KIND(text);
    if (kind == PyUnicode_4BYTE_KIND) {
        return PyObject_CallOneArg(state->python_words_of, text);
    }
    data = PyUnicode_DATA(text);
    length = PyUnicode_GET_LENGTH(text);
    if (is_plain_line(kind, data, length)) {
        return plain_words(state, kind, data, length);
    }
    return token_words(state, (const unsigned char *)PyBytes_AS_STRING(state->word_table),
                       kind, data, length);
}

/* Sentence ends as stats._SENTENCE_END finds them: a run of sentence punctuation and any
 * closing quotes or brackets, followed by white space (not \x1c-\x1f) or the end. */
static Py_ssize_t
count_sentence_ends(int kind, const void *data, Py_ssize_t length)
{
    Py_ssize_t count = 0, i = 0;
    while (i < length) {
        Py_ssize_t j;
        if (!is_sentence_punct(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        j = i + 1;
        while (j < length && is_sentence_punct(PyUnicode_READ(kind, data, j))) {
            j++;
        }
        while (j < length && is_closer(PyUnicode_READ(kind, data, j))) {
            j++;
        }
        if (j == length) {
            count++;
        }
        else {
            Py_UCS4 next = PyUnicode_READ(kind, data, j);
            if (Py_UNICODE_ISSPACE(next) && !(next >= 0x1C && next <= 0x1F)) {
                count++;
            }
        }
        /* A start inside the same run would end at the same place with the same verdict. */
        i = j;
    }
    return count;
}

static int
ends_sentence(int kind, const void *data, Py_ssize_t length)
{
    Py_ssize_t end = length;
    while (end > 0 && is_closer(PyUnicode_READ(kind, data, end - 1))) {
        end--;
    }
    return end > 0 && is_terminal(PyUnicode_READ(kind, data, end - 1));
}

static int
has_comma(int kind, const void *data, Py_ssize_t length)
{
    for (Py_ssize_t i = 0; i < length; i++) {
        if (is_comma(PyUnicode_READ(kind, data, i))) {
            return 1;
        }
    }
    return 0;
}

PyDoc_STRVAR(measure_doc,
             "measure(text, initials, lowered, stopwords, cjk, plain=False)\n--\n\n"
             "stats.measure: the TextStats of a line (the Python code measures CJK lines).");

static const char *const measure_parameters[] = {
    "text", "initials", "lowered", "stopwords", "cjk", "plain",
};
#define MEASURE_PARAMETERS 6
#define MEASURE_REQUIRED 5

/* The arguments of measure() in parameter order, from positions and keywords alike. */
static int
measure_arguments(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                  PyObject **found)
{
    Py_ssize_t nkeywords = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    for (int i = 0; i < MEASURE_PARAMETERS; i++) {
        found[i] = NULL;
    }
    if (nargs > MEASURE_PARAMETERS) {
        PyErr_Format(PyExc_TypeError, "measure() takes at most 6 arguments (%zd given)",
                     nargs);
        return -1;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        found[i] = args[i];
    }
    for (Py_ssize_t k = 0; k < nkeywords; k++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, k);
        int slot = -1;
        for (int i = 0; i < MEASURE_PARAMETERS; i++) {
            if (PyUnicode_CompareWithASCIIString(name, measure_parameters[i]) == 0) {
                slot = i;
                break;
            }
        }
        if (slot < 0) {
            PyErr_Format(PyExc_TypeError, "measure() got an unexpected keyword argument %R",
                         name);
            return -1;
        }
        if (found[slot] != NULL) {
            PyErr_Format(PyExc_TypeError, "measure() got multiple values for argument %R",
                         name);
            return -1;
        }
        found[slot] = args[nargs + k];
    }
    for (int i = 0; i < MEASURE_REQUIRED; i++) {
        if (found[i] == NULL) {
            PyErr_Format(PyExc_TypeError, "measure() missing required argument '%s'",
                         measure_parameters[i]);
            return -1;
        }
    }
    return 0;
}

/* The TextStats of a line of a language written with spaces between words; the arguments
 * are those of measure(), their types checked. */
PyObject *
speedups_measure_words(module_state *state, PyObject *text, PyObject *initials,
                       PyObject *lowered, PyObject *stopwords, int plain)
{
    Py_ssize_t words = PyTuple_GET_SIZE(lowered);
    Py_ssize_t stops = 0, capitalised = 0, digits = 0, sentences = 0;
    int ends = 0, comma = 0;
    int initials_kind = PyUnicode_KIND(initials);
    const void *initials_data = PyUnicode_DATA(initials);
    Py_ssize_t initials_length = PyUnicode_GET_LENGTH(initials);
    for (Py_ssize_t i = 0; i < words; i++) {
        int found = PySet_Contains(stopwords, PyTuple_GET_ITEM(lowered, i));
        if (found < 0) {
            return NULL;
        }
        stops += found;
    }
    for (Py_ssize_t i = 0; i < initials_length; i++) {
        Py_UCS4 c = PyUnicode_READ(initials_kind, initials_data, i);
        capitalised += Py_UNICODE_ISUPPER(c) ? 1 : 0;
        if (!plain) {
            digits += Py_UNICODE_ISDIGIT(c) ? 1 : 0;
        }
    }
    if (!plain) {
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        Py_ssize_t length = PyUnicode_GET_LENGTH(text);
        sentences = count_sentence_ends(kind, data, length);
        ends = ends_sentence(kind, data, length);
        comma = has_comma(kind, data, length);
    }
    {
        PyObject *fields[STATS_FIELDS] = {
            PyLong_FromSsize_t(words),
            PyLong_FromSsize_t(PyUnicode_GET_LENGTH(text)),
            PyLong_FromSsize_t(stops),
            PyLong_FromSsize_t(sentences),
            PyLong_FromSsize_t(capitalised),
            PyLong_FromSsize_t(digits),
            PyBool_FromLong(ends),
            PyBool_FromLong(comma),
        };
        return speedups_named_tuple(state->stats_type, fields, STATS_FIELDS);
    }
}

int
speedups_check_measure_types(PyObject *text, PyObject *initials, PyObject *lowered,
                             PyObject *stopwords)
{
    if (!PyUnicode_Check(text) || !PyUnicode_Check(initials) || !PyTuple_Check(lowered)
        || !PyAnySet_Check(stopwords)) {
        PyErr_SetString(PyExc_TypeError,
                        "measure() takes (str, str, tuple, frozenset, bool, bool)");
        return -1;
    }
    return 0;
}

static PyObject *
measure(PyObject *module, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    module_state *state = get_state(module);
    PyObject *found[MEASURE_PARAMETERS];
    int cjk, plain = 0;

    if (measure_arguments(args, nargs, kwnames, found) < 0
        || !speedups_configured(state, "measure")) {
        return NULL;
    }
    cjk = PyObject_IsTrue(found[4]);
    if (cjk < 0) {
        return NULL;
    }
    if (cjk) {
        /* Words there are counted in characters: the Python code does it. */
        return PyObject_Vectorcall(state->python_measure, args, nargs, kwnames);
    }
    if (found[5] != NULL && (plain = PyObject_IsTrue(found[5])) < 0) {
        return NULL;
    }
    if (speedups_check_measure_types(found[0], found[1], found[2], found[3]) < 0) {
        return NULL;
    }
    return speedups_measure_words(state, found[0], found[1], found[2], found[3], plain);
}

PyMethodDef speedups_words_methods[] = {
    {"words_of", (PyCFunction)speedups_words_of, METH_O, words_of_doc},
    {"measure", (PyCFunction)(void (*)(void))measure, METH_FASTCALL | METH_KEYWORDS, measure_doc},
    {NULL, NULL, 0, NULL},
};
