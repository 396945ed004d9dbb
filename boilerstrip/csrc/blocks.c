/* document.py's block building and language sample, and segment.text's line split. */
#include "speedups.h"

/* The caller's sequence of segments as a tuple of its own: dict look-ups can run Python code
 * (a str subclass's __hash__) that changes a list while it is being read. */
static PyObject *
segments_of(PyObject *sequence)
{
    return PySequence_Tuple(sequence);
}

/* The segment at `position` of the tuple `segments`, checked to be a 6-tuple whose first
 * item is a str; a borrowed reference (the tuple keeps it), or NULL with an exception set. */
static PyObject *
segment_at(PyObject *segments, Py_ssize_t position)
{
    PyObject *segment = PyTuple_GET_ITEM(segments, position);
    if (!PyTuple_Check(segment) || PyTuple_GET_SIZE(segment) != 6
        || !PyUnicode_Check(PyTuple_GET_ITEM(segment, 0))) {
        PyErr_Format(PyExc_TypeError, "segment %zd is not a (text, kind, start, end, line, "
                     "group) tuple", position);
        return NULL;
    }
    return segment;
}

/* words[text] as a new reference, checked to be an (initials, words, plain) entry; NULL
 * with KeyError or TypeError otherwise. */
static PyObject *
words_entry_of(PyObject *words, PyObject *text)
{
    PyObject *entry = PyDict_GetItemWithError(words, text);
    if (entry == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetObject(PyExc_KeyError, text);
        }
        return NULL;
    }
    if (!PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) != 3
        || !PyTuple_Check(PyTuple_GET_ITEM(entry, 1))) {
        PyErr_SetString(PyExc_TypeError, "a words entry is not an (initials, words, plain) tuple");
        return NULL;
    }
    return Py_NewRef(entry);
}

PyDoc_STRVAR(add_words_doc,
             "add_words(segments, words, /)\n--\n\n"
             "document.python_add_words: words_of() of each segment's text not in `words`\n"
             "yet, added to it.");

static PyObject *
add_words(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *segments, *words;
    if (nargs != 2 || !PyDict_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "add_words() takes (sequence, dict)");
        return NULL;
    }
    segments = segments_of(args[0]);
    if (segments == NULL) {
        return NULL;
    }
    words = args[1];
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(segments); i++) {
        PyObject *segment = segment_at(segments, i), *text, *found;
        int known;
        if (segment == NULL) {
            goto error;
        }
        text = PyTuple_GET_ITEM(segment, 0);
        known = PyDict_Contains(words, text);
        if (known < 0) {
            goto error;
        }
        if (known) {
            continue;
        }
        found = speedups_words_of(module, text);
        if (found == NULL || PyDict_SetItem(words, text, found) < 0) {
            Py_XDECREF(found);
            goto error;
        }
        Py_DECREF(found);
    }
    Py_DECREF(segments);
    Py_RETURN_NONE;
error:
    Py_DECREF(segments);
    return NULL;
}

/* The TextStats of `text` (whose words `entry` holds), from `stats` or measured and added to
 * it; a new reference. A value of None counts as none, as stats.get() does. */
static PyObject *
stats_of(module_state *state, PyObject *text, PyObject *entry, PyObject *stats,
         PyObject *stopwords, int cjk)
{
    PyObject *found = PyDict_GetItemWithError(stats, text), *measured;
    PyObject *initials = PyTuple_GET_ITEM(entry, 0), *lowered = PyTuple_GET_ITEM(entry, 1);
    PyObject *plain = PyTuple_GET_ITEM(entry, 2);
    if (found != NULL && found != Py_None) {
        return Py_NewRef(found);
    }
    if (found == NULL && PyErr_Occurred()) {
        return NULL;
    }
    if (cjk) {
        PyObject *call[6] = {text, initials, lowered, stopwords, Py_True, plain};
        measured = PyObject_Vectorcall(state->python_measure, call, 6, NULL);
    }
    else if (speedups_check_measure_types(text, initials, lowered, stopwords) < 0) {
        return NULL;
    }
    else {
        int is_plain = PyObject_IsTrue(plain);
        if (is_plain < 0) {
            return NULL;
        }
        measured = speedups_measure_words(state, text, initials, lowered, stopwords, is_plain);
    }
    if (measured != NULL && PyDict_SetItem(stats, text, measured) < 0) {
        Py_CLEAR(measured);
    }
    return measured;
}

PyDoc_STRVAR(add_blocks_doc,
             "add_blocks(segments, words, stats, stopwords, cjk, kinds, evidence, blocks, /)\n"
             "--\n\n"
             "document.python_add_blocks: a Block for each segment, appended to `blocks`.");

/* The Block of `segment`, numbered `index`. Every object it is made of is held by a
 * reference of its own before the next call that may run Python code. */
static PyObject *
block_of(module_state *state, PyObject *segment, Py_ssize_t index, PyObject *words,
         PyObject *stats, PyObject *stopwords, int cjk, PyObject *kinds, PyObject *evidence)
{
    PyObject *text = PyTuple_GET_ITEM(segment, 0), *entry, *measured, *kind, *dom;
    entry = words_entry_of(words, text);
    if (entry == NULL) {
        return NULL;
    }
    measured = stats_of(state, text, entry, stats, stopwords, cjk);
    kind = measured == NULL ? NULL : PyDict_GetItemWithError(kinds, PyTuple_GET_ITEM(segment, 1));
    if (kind == NULL) {
        if (measured != NULL && !PyErr_Occurred()) {
            PyErr_SetObject(PyExc_KeyError, PyTuple_GET_ITEM(segment, 1));
        }
        Py_DECREF(entry);
        Py_XDECREF(measured);
        return NULL;
    }
    Py_INCREF(kind);
    dom = evidence == Py_None ? Py_NewRef(Py_None) : PySequence_GetItem(evidence, index);
    {
        PyObject *fields[BLOCK_FIELDS] = {
            PyLong_FromSsize_t(index),
            Py_NewRef(text),
            kind,
            Py_NewRef(PyTuple_GET_ITEM(segment, 2)),
            Py_NewRef(PyTuple_GET_ITEM(segment, 3)),
            Py_NewRef(PyTuple_GET_ITEM(segment, 4)),
            Py_NewRef(PyTuple_GET_ITEM(segment, 5)),
            measured,
            Py_NewRef(PyTuple_GET_ITEM(entry, 1)),
            dom,
        };
        Py_DECREF(entry);
        return speedups_named_tuple(state->block_type, fields, BLOCK_FIELDS);
    }
}

static PyObject *
add_blocks(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    module_state *state = get_state(module);
    PyObject *segments, *blocks;
    int cjk;
    if (!speedups_configured(state, "add_blocks")) {
        return NULL;
    }
    if (nargs != 8 || !PyDict_Check(args[1]) || !PyDict_Check(args[2])
        || !PyAnySet_Check(args[3]) || !PyDict_Check(args[5])
        || !(args[6] == Py_None || PySequence_Check(args[6])) || !PyList_Check(args[7])) {
        PyErr_SetString(PyExc_TypeError, "add_blocks() takes (sequence, dict, dict, "
                        "frozenset, bool, dict, sequence or None, list)");
        return NULL;
    }
    if ((cjk = PyObject_IsTrue(args[4])) < 0) {
        return NULL;
    }
    segments = segments_of(args[0]);
    if (segments == NULL) {
        return NULL;
    }
    blocks = args[7];
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(segments); i++) {
        PyObject *segment = segment_at(segments, i), *block = NULL;
        if (segment != NULL) {
            block = block_of(state, segment, PyList_GET_SIZE(blocks), args[1], args[2],
                             args[3], cjk, args[5], args[6]);
        }
        if (block == NULL || PyList_Append(blocks, block) < 0) {
            Py_XDECREF(block);
            Py_DECREF(segments);
            return NULL;
        }
        Py_DECREF(block);
    }
    Py_DECREF(segments);
    Py_RETURN_NONE;
}

PyDoc_STRVAR(sample_words_doc,
             "sample_words(segments, words, limit, /)\n--\n\n"
             "document.python_sample_words: the first `limit` lower-cased words of the\n"
             "segments, in order (limit None: all of them).");

/* islice's stop argument: None for no limit, else an integer from 0 to sys.maxsize. */
static int
sample_limit(PyObject *argument, Py_ssize_t *limit)
{
    if (argument == Py_None) {
        *limit = PY_SSIZE_T_MAX;
        return 0;
    }
    *limit = PyLong_Check(argument) ? PyLong_AsSsize_t(argument) : -1;
    if (*limit < 0) {
        PyErr_Clear();
        PyErr_SetString(PyExc_ValueError, "Stop argument for islice() must be None or an "
                        "integer: 0 <= x <= sys.maxsize.");
        return -1;
    }
    return 0;
}

static PyObject *
sample_words(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *segments, *sample;
    Py_ssize_t limit;
    if (nargs != 3 || !PyDict_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "sample_words() takes (sequence, dict, int)");
        return NULL;
    }
    if (sample_limit(args[2], &limit) < 0) {
        return NULL;
    }
    segments = segments_of(args[0]);
    if (segments == NULL) {
        return NULL;
    }
    sample = PyList_New(0);
    for (Py_ssize_t i = 0; sample != NULL && i < PyTuple_GET_SIZE(segments); i++) {
        PyObject *segment, *entry, *lowered;
        if (PyList_GET_SIZE(sample) >= limit) {
            break;
        }
        segment = segment_at(segments, i);
        entry = segment == NULL ? NULL : words_entry_of(args[1], PyTuple_GET_ITEM(segment, 0));
        if (entry == NULL) {
            Py_CLEAR(sample);
            break;
        }
        lowered = PyTuple_GET_ITEM(entry, 1);
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(lowered); k++) {
            if (PyList_GET_SIZE(sample) >= limit) {
                break;
            }
            if (PyList_Append(sample, PyTuple_GET_ITEM(lowered, k)) < 0) {
                Py_CLEAR(sample);
                break;
            }
        }
        Py_DECREF(entry);
    }
    Py_DECREF(segments);
    return sample;
}

PyDoc_STRVAR(split_lines_doc,
             "split_lines(text, kind, check, /)\n--\n\n"
             "segment.text.python_split_lines: every non-empty line of `text` as a (line,\n"
             "kind, start, end, line number, group) segment; check() every 512 lines.");

/* A segment (text, kind, start, end, line number, group); a new reference. */
static PyObject *
line_segment(PyObject *text, Py_ssize_t start, Py_ssize_t end, PyObject *kind,
             Py_ssize_t number, Py_ssize_t group)
{
    PyObject *line = PyUnicode_Substring(text, start, end);
    if (line == NULL) {
        return NULL;
    }
    return Py_BuildValue("(NOnnnn)", line, kind, start, end, number, group);
}

static PyObject *
split_lines(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *lines;
    int kind;
    const void *data;
    Py_ssize_t length, start = 0, number = 1, group = 0;
    if (nargs != 3 || !PyUnicode_Check(args[0]) || !PyCallable_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "split_lines() takes (str, kind, callable)");
        return NULL;
    }
    text = args[0];
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    length = PyUnicode_GET_LENGTH(text);
    lines = PyList_New(0);
    if (lines == NULL) {
        return NULL;
    }
    /* Every line, the one after a final "\n" included, as str.split("\n") gives them. */
    while (start <= length) {
        Py_ssize_t end = start;
        while (end < length && PyUnicode_READ(kind, data, end) != '\n') {
            end++;
        }
        if (number % 512 == 0) {
            PyObject *checked = PyObject_CallNoArgs(args[2]);
            if (checked == NULL) {
                Py_DECREF(lines);
                return NULL;
            }
            Py_DECREF(checked);
        }
        if (end > start) {
            PyObject *segment = line_segment(text, start, end, args[1], number, group);
            if (segment == NULL || PyList_Append(lines, segment) < 0) {
                Py_XDECREF(segment);
                Py_DECREF(lines);
                return NULL;
            }
            Py_DECREF(segment);
        }
        else if (PyList_GET_SIZE(lines) > 0) {
            group++;
        }
        start = end + 1;
        number++;
    }
    return lines;
}

PyMethodDef speedups_blocks_methods[] = {
    {"add_words", (PyCFunction)(void (*)(void))add_words, METH_FASTCALL, add_words_doc},
    {"add_blocks", (PyCFunction)(void (*)(void))add_blocks, METH_FASTCALL, add_blocks_doc},
    {"sample_words", (PyCFunction)(void (*)(void))sample_words, METH_FASTCALL, sample_words_doc},
    {"split_lines", (PyCFunction)(void (*)(void))split_lines, METH_FASTCALL, split_lines_doc},
    {NULL, NULL, 0, NULL},
};
