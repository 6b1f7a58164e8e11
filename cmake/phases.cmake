# The phases of the engine, one OBJECT library each, in pipeline order.
#
# Each phase names the phases it may use (DEPENDS); that list is the single
# statement of the layering. It gives the phase its dependencies' usage
# requirements, and cmake/check-layering.cmake (run at every build, and as
# the `layering` test) fails when a file of src/<phase>/ includes a header of
# a phase that is not below it. docs/architecture.md draws the graph.
#
#   relief_phase(NAME SOURCES file... [DEPENDS phase...] [LIBS target...])
#   relief_layer(NAME [DEPENDS phase...])   a folder of src/ that builds no
#                                           library of its own (the CLI)

set(RELIEF_PHASES "")

macro(relief_layer name)
  cmake_parse_arguments(layer "" "" "DEPENDS" ${ARGN})
  list(APPEND RELIEF_PHASES ${name})
  set_property(GLOBAL PROPERTY RELIEF_PHASE_DEPENDS_${name} "${layer_DEPENDS}")
endmacro()

function(relief_phase name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "SOURCES;DEPENDS;LIBS")
  add_library(relief_${name} OBJECT ${arg_SOURCES})
  target_include_directories(relief_${name} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src>)
  target_compile_features(relief_${name} PUBLIC cxx_std_20)
  foreach(dep IN LISTS arg_DEPENDS)
    if(NOT TARGET relief_${dep})
      message(FATAL_ERROR "phase '${name}' depends on '${dep}', which is not declared before it")
    endif()
    target_link_libraries(relief_${name} PUBLIC relief_${dep})
  endforeach()
  if(arg_LIBS)
    target_link_libraries(relief_${name} PUBLIC ${arg_LIBS})
  endif()
  relief_layer(${name} DEPENDS ${arg_DEPENDS})
  set(RELIEF_PHASES ${RELIEF_PHASES} PARENT_SCOPE)
endfunction()

# "phase=dep,dep;phase=..." with every phase's transitive dependencies, for
# the layering check.
function(relief_layering_rules out)
  set(rules "")
  foreach(phase IN LISTS RELIEF_PHASES)
    set(closure "")
    get_property(pending GLOBAL PROPERTY RELIEF_PHASE_DEPENDS_${phase})
    while(pending)
      list(POP_FRONT pending dep)
      if(NOT dep IN_LIST closure)
        list(APPEND closure ${dep})
        get_property(more GLOBAL PROPERTY RELIEF_PHASE_DEPENDS_${dep})
        list(APPEND pending ${more})
      endif()
    endwhile()
    list(JOIN closure "," closure)
    list(APPEND rules "${phase}=${closure}")
  endforeach()
  set(${out} "${rules}" PARENT_SCOPE)
endfunction()
