"""The year's casework: the working-day calendar, the statutory clock, fees, the registers, and the
annual report computed from the records. Pure: no database here (``gongkai.store`` keeps the records)."""
