//===- Layouts.h - the migration folder layouts, one file each ------------===//
#ifndef SCHEMAC_DRIVER_LAYOUTS_LAYOUTS_H
#define SCHEMAC_DRIVER_LAYOUTS_LAYOUTS_H

#include "driver/MigrationLayout.h"

namespace schemac::driver {

extern const MigrationLayout &SchemacLayout;       // SchemacLayout.cpp
extern const MigrationLayout &FlywayLayout;        // FlywayLayout.cpp
extern const MigrationLayout &GolangMigrateLayout; // GolangMigrateLayout.cpp
extern const MigrationLayout &DbmateLayout;        // DbmateLayout.cpp
extern const MigrationLayout &LiquibaseLayout;     // LiquibaseLayout.cpp
extern const MigrationLayout &AtlasLayout;         // AtlasLayout.cpp
extern const MigrationLayout &DrizzleLayout;       // DrizzleLayout.cpp

} // namespace schemac::driver

#endif
