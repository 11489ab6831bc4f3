# find_package(finesse): the imported target finesse::finesse, libfinesse (shared) with
# include/finesse.h, as installed by `cargo cinstall` (ffi/README.md, "Install").
#
# cargo-c writes finesse.pc, with the prefix, libdir and includedir of the install, but no CMake
# files. Rather than a second description of the same install that could drift from it, this
# file reads finesse.pc through CMake's FindPkgConfig, first in the prefix it is installed
# under (<prefix>/share/cmake/finesse). It needs pkg-config (or pkgconf).
include(CMakeFindDependencyMacro)
find_dependency(PkgConfig)

get_filename_component(_finesse_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
set(_finesse_prefix_path "${CMAKE_PREFIX_PATH}")
list(PREPEND CMAKE_PREFIX_PATH "${_finesse_prefix}")
# The exact version of finesse-config-version.cmake, so that another install's finesse.pc
# is never taken for this one.
pkg_check_modules(_finesse QUIET IMPORTED_TARGET "finesse=${finesse_VERSION}")
set(CMAKE_PREFIX_PATH "${_finesse_prefix_path}")

if(_finesse_FOUND)
    if(NOT TARGET finesse::finesse)
        add_library(finesse::finesse INTERFACE IMPORTED)
        set_target_properties(finesse::finesse PROPERTIES
            INTERFACE_LINK_LIBRARIES PkgConfig::_finesse)
    endif()
else()
    set(finesse_FOUND FALSE)
    set(finesse_NOT_FOUND_MESSAGE
        "finesse.pc ${finesse_VERSION} not found by pkg-config under ${_finesse_prefix}")
endif()
unset(_finesse_prefix)
unset(_finesse_prefix_path)
