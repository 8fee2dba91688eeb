using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attune.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Apologies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "apologies",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    author_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    what_happened = table.Column<byte[]>(type: "BLOB", nullable: true),
                    my_part = table.Column<byte[]>(type: "BLOB", nullable: true),
                    impact = table.Column<byte[]>(type: "BLOB", nullable: true),
                    next_time = table.Column<byte[]>(type: "BLOB", nullable: true),
                    answer = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    answered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    forgiven_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_apologies", x => new { x.couple_id, x.id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "apologies");
        }
    }
}
