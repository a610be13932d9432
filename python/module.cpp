// The compiled half of the `xsector` Python package (pybind11). It exposes loading, the
// analysis and the writers as the library has them; python/xsector/__init__.py turns the
// JSON into Python objects and pandas DataFrames. Nothing here computes a figure.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <filesystem>
#include <string>
#include <vector>

#include "xsector/analysis.hpp"
#include "xsector/compare.hpp"
#include "xsector/error.hpp"
#include "xsector/io.hpp"
#include "xsector/load.hpp"
#include "xsector/open.hpp"
#include "xsector/output.hpp"
#include "xsector/render.hpp"
#include "xsector/usecases.hpp"
#include "xsector/version.hpp"

namespace py = pybind11;

namespace {

/// A path argument taken as open() takes it: a str, or an os.PathLike whose __fspath__()
/// gives a str (bytes are refused), encoded with the file system encoding. None or another
/// type raises TypeError; a NUL character raises ValueError ("embedded null byte"), so a
/// path is never cut short at it. Needs the GIL.
std::string path_argument(const py::handle& value, const char* name) {
  const auto refuse = [&] {
    return py::type_error(std::string(name) + " must be str or os.PathLike, not " + Py_TYPE(value.ptr())->tp_name);
  };
  py::object text;
  if (PyUnicode_Check(value.ptr())) {
    text = py::reinterpret_borrow<py::object>(value);
  } else if (PyBytes_Check(value.ptr()) || !py::hasattr(value, "__fspath__")) {
    throw refuse();
  } else {
    PyObject* fspath = PyOS_FSPath(value.ptr());
    if (fspath == nullptr) throw py::error_already_set();
    text = py::reinterpret_steal<py::object>(fspath);
    if (!PyUnicode_Check(text.ptr())) throw refuse();
  }
  PyObject* encoded = PyUnicode_EncodeFSDefault(text.ptr());
  if (encoded == nullptr) throw py::error_already_set();
  const py::object bytes = py::reinterpret_steal<py::object>(encoded);
  std::string path(PyBytes_AS_STRING(bytes.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(bytes.ptr())));
  if (path.find('\0') != std::string::npos) throw py::value_error("embedded null byte");
  return path;
}

xsector::AnalysisOptions analysis_options(unsigned threads, const std::string& precision) {
  xsector::AnalysisOptions o;
  o.threads = threads;
  if (precision == "exact") {
    o.precision = xsector::Precision::exact;
  } else if (precision == "approximate") {
    o.precision = xsector::Precision::approximate;
  } else if (precision != "automatic") {
    throw py::value_error("precision must be 'automatic', 'exact' or 'approximate', not '" + precision + "'");
  }
  return o;
}

/// A loaded coalition; analyses are computed when asked for.
struct PyCoalition {
  xsector::Coalition coalition;
  std::string path;

  [[nodiscard]] std::string analyze_json(unsigned threads, const std::string& precision) const {
    const xsector::Analysis a = xsector::analyze(coalition, analysis_options(threads, precision));
    return xsector::format_json(coalition, a);
  }

  void render(const py::object& path, const std::string& view, const std::string& size_by, unsigned threads) const {
    const std::string out = path_argument(path, "path");
    const py::gil_scoped_release release;  // Graphviz runs behind the library's own lock
    const std::string ext = std::filesystem::path(out).extension().string();
    if (ext != ".svg" && ext != ".png" && ext != ".pdf" && ext != ".dot") {
      throw py::value_error("cannot tell the format of '" + out + "': use a path ending in .svg, .png, .pdf or .dot");
    }
    xsector::RenderOptions options;
    if (view == "members")
      options.view = xsector::View::members;
    else if (view == "sectors")
      options.view = xsector::View::sectors;
    else if (!view.empty())
      throw py::value_error("view must be 'members' or 'sectors', not '" + view + "'");
    options.size_by = xsector::parse_size_by(size_by);
    const xsector::Analysis a = xsector::analyze(coalition, analysis_options(threads, "automatic"));
    xsector::write_file_atomic(
        out, xsector::render_diagram(coalition, a, options, xsector::parse_image_format(ext.substr(1))));
  }

  void report(const py::object& folder, unsigned threads) const {
    const std::string dir = path_argument(folder, "folder");
    const py::gil_scoped_release release;
    xsector::AnalysisOptions options = analysis_options(threads, "automatic");
    options.parts = xsector::part_report;
    const xsector::ReportWork work = xsector::prepare_report({coalition}, {coalition.file}, options);
    // The folder appears whole or not at all.
    xsector::write_report_folder(dir, xsector::report_files(work, xsector::draw_report(work), false));
  }
};

std::string compare_json(const PyCoalition& a, const PyCoalition& b, unsigned threads, std::size_t permutations,
                         std::uint64_t seed) {
  const xsector::AnalysisOptions o = analysis_options(threads, "automatic");
  const xsector::Analysis aa = xsector::analyze(a.coalition, o);
  const xsector::Analysis ab = xsector::analyze(b.coalition, o);
  xsector::CompareOptions options;
  options.permutations = permutations;
  options.seed = seed;
  const xsector::Comparison cmp = xsector::compare(a.coalition, aa, b.coalition, ab, options);
  return xsector::format_comparison(xsector::Format::json, a.coalition, b.coalition, cmp);
}

}  // namespace

PYBIND11_MODULE(_xsector, m) {
  m.doc() = "xsector's compiled core; use the `xsector` package instead.";
  m.attr("__version__") = xsector::version;

  static py::exception<xsector::InputError> input_error(m, "InputError", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const xsector::InputError& e) {
      py::list diagnostics;
      std::string message;
      for (const auto& d : e.diagnostics()) {
        diagnostics.append(d.str());
        if (!message.empty()) message += '\n';
        message += d.str();
      }
      py::object error = py::reinterpret_borrow<py::object>(input_error)(message);
      error.attr("diagnostics") = diagnostics;
      PyErr_SetObject(input_error.ptr(), error.ptr());
    } catch (const xsector::IoError& e) {
      PyErr_SetString(PyExc_OSError, e.what());
    } catch (const xsector::UsageError& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    }
  });

  py::class_<PyCoalition>(m, "Coalition")
      .def_property_readonly("name", [](const PyCoalition& c) { return c.coalition.name; })
      .def_property_readonly("path", [](const PyCoalition& c) { return c.path; })
      .def_property_readonly("member_ids",
                             [](const PyCoalition& c) {
                               std::vector<std::string> ids;
                               for (const auto& member : c.coalition.members) ids.push_back(member.id);
                               return ids;
                             })
      .def("analyze_json", &PyCoalition::analyze_json, py::arg("threads") = 0, py::arg("precision") = "automatic",
           py::call_guard<py::gil_scoped_release>())
      .def("render", &PyCoalition::render, py::arg("path"), py::arg("view") = "", py::arg("size_by") = "degree",
           py::arg("threads") = 0)
      .def("report", &PyCoalition::report, py::arg("folder"), py::arg("threads") = 0);

  m.def(
      "load",
      [](const py::object& path_object, const py::object& taxonomy_object) {
        // A coalition file, a roster (.xlsx, .csv) or GraphML; an imported one says what was read on stderr.
        const std::string path = path_argument(path_object, "path");
        xsector::OpenOptions options;
        if (!taxonomy_object.is_none()) {
          std::string taxonomy = path_argument(taxonomy_object, "taxonomy");
          if (!taxonomy.empty()) options.load.taxonomy = std::move(taxonomy);
        }
        xsector::Opened opened = xsector::open_coalition(path, options);
        const py::object stderr_ = py::module_::import("sys").attr("stderr");
        for (const auto& note : opened.notes) stderr_.attr("write")("xsector: note: " + note + "\n");
        if (!opened.summary.empty()) stderr_.attr("write")(opened.summary + "\n");
        return PyCoalition{std::move(opened.coalition), path};
      },
      py::arg("path"), py::arg("taxonomy") = py::none());
  m.def("compare_json", &compare_json, py::arg("a"), py::arg("b"), py::arg("threads") = 0,
        py::arg("permutations") = 1000, py::arg("seed") = 1, py::call_guard<py::gil_scoped_release>());
}
